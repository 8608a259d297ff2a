import type { Environment, ScenarioResult } from '../schemas/index.ts';
import { osName } from './platform-names.ts';
import { t } from '../i18n/ui.ts';
import type { Locale } from '../i18n/locales.ts';

/** How the runs were contained, in a reader's words. Said plainly when they were not. */
export function describeIsolation(env: Environment, locale: Locale = 'en'): string {
  return t(locale).runs.isolation[env.isolation];
}

/** "a", "a and b", "a, b and c" (in Chinese "a、b 和 c"). */
const andList = (items: readonly string[], locale: Locale): string => {
  const { and, listSep } = t(locale).runs;
  return items.length > 1 ? `${items.slice(0, -1).join(listSep)}${and}${items.at(-1)}` : items[0];
};

/** Runs and matches over every Node.js line (the pinned line's alone for older results). */
function runTotals(result: ScenarioResult): { matched: number; runs: number } {
  const lines = result.runtimes.length > 0 ? result.runtimes : [result];
  return { matched: lines.reduce((n, r) => n + r.matched, 0), runs: lines.reduce((n, r) => n + r.runs, 0) };
}

/** "9 / 9": runs that matched over every Node.js line, for a table cell. */
export function runsMatched(result: ScenarioResult): string {
  const { matched, runs } = runTotals(result);
  return `${matched} / ${runs}`;
}

/** "verified on Linux 6.8.0, Node v22.23.3, 2026-11-25 (3 of 3 runs matched)" or why not. */
export function describeRun(result: ScenarioResult, env: Environment | undefined, locale: Locale = 'en'): string {
  const ui = t(locale).runs;
  if (result.runs === 0 || !env) return ui.notVerified(result.reason ?? ui.notRun);
  const where = verifiedWhere([result], env, locale);
  const total = runTotals(result);
  // Only the exception is worth a reader's attention on every scenario page.
  const runs = `${ui.matched(total.matched, total.runs)}${env.isolation === 'none' ? ui.notIsolated : ''}`;
  if (result.status === 'verified') return ui.verifiedOn(where, runs);
  return ui.otherOn(t(locale).status[result.status], where, runs, result.reason ?? '');
}

/** "Node v22.23.3, v24.x and v26.x": every Node.js line that ran these results. */
function nodesOf(results: readonly ScenarioResult[], env: Environment, locale: Locale): string {
  const nodes = [
    ...new Set(results.flatMap((r) => (r.runtimes.length > 0 ? r.runtimes.map((x) => x.node) : r.runs > 0 ? [env.node] : []))),
  ];
  return andList(nodes.length > 0 ? nodes : [env.node], locale);
}

/** "Linux 6.8.0, Node v22.23.3 and v24.11.1, 2026-11-25": where and when results were verified. */
export function verifiedWhere(results: readonly ScenarioResult[], env: Environment, locale: Locale = 'en'): string {
  return t(locale).runs.where(osName(env.platform), env.kernel, nodesOf(results, env, locale), env.date.slice(0, 10));
}

/**
 * A list of scenarios states its status once: "All 4 verified on Linux 6.8.0, Node v22.23.3,
 * 2026-11-25." Rows then carry a badge only when they are the exception (see showBadge).
 */
export function describeList(results: readonly ScenarioResult[], env: Environment | undefined, locale: Locale = 'en'): string {
  const ui = t(locale).runs;
  const n = results.length;
  const verified = results.filter((r) => r.status === 'verified');
  if (n === 0) return '';
  if (!env || verified.length === 0) return n === 1 ? ui.listNone1 : ui.listNone;
  const where = verifiedWhere(verified, env, locale);
  if (verified.length === n) return n === 1 ? ui.listAll1(where) : ui.listAll(n, where);
  return ui.listSome(verified.length, n, where);
}

/** In a list summed up by describeList, only rows that did not verify show a badge. */
export const showBadge = (result: Pick<ScenarioResult, 'status'>): boolean => result.status !== 'verified';

/** For a page footer: the date of the verifier's run, and "Linux 6.8.0, Node v22.23.3, v24.21.0 and v26.10.0". */
export function lastVerified(env: Environment | undefined, locale: Locale = 'en'): { date: string; where: string } | undefined {
  if (!env) return undefined;
  const node = andList(env.runtimes.length > 0 ? env.runtimes : [env.node], locale);
  return { date: env.date.slice(0, 10), where: t(locale).runs.footerWhere(osName(env.platform), env.kernel, node) };
}
