import type { Environment, ScenarioResult } from '../schemas/index.ts';
import { osName } from './platform-names.ts';

/** How the runs were contained, in a reader's words. Said plainly when they were not. */
export function describeIsolation(env: Environment): string {
  switch (env.isolation) {
    case 'namespaces':
      return 'Each run had its own user, network (loopback only), PID and mount namespaces: root inside them, unprivileged on the build machine, which it saw read-only.';
    case 'namespaces-without-user':
      return 'Each run had its own network (loopback only), PID and mount namespaces and ran as an unprivileged user: this kernel refuses user namespaces, so runs had no root inside.';
    case 'none':
      return 'Runs were not isolated: this build machine allowed no namespaces, so each run shared its network and files, with only a private directory and an unprivileged user.';
  }
}

/** "a", "a and b", "a, b and c". */
const andList = (items: readonly string[]): string =>
  items.length > 1 ? `${items.slice(0, -1).join(', ')} and ${items.at(-1)}` : items[0];

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
export function describeRun(result: ScenarioResult, env: Environment | undefined): string {
  if (result.runs === 0 || !env) return `not verified on Linux: ${result.reason ?? 'not run'}.`;
  const where = `on ${verifiedWhere([result], env)}`;
  const total = runTotals(result);
  const runs = `${total.matched} of ${total.runs} runs matched`;
  // Only the exception is worth a reader's attention on every scenario page.
  const contained = env.isolation === 'none' ? ', not isolated' : '';
  if (result.status === 'verified') return `verified ${where} (${runs}${contained}).`;
  return `${result.status} ${where} (${runs}${contained}): ${result.reason ?? ''}`;
}

/** "Node v22.23.3, v24.x and v26.x": every Node.js line that ran these results. */
function nodesOf(results: readonly ScenarioResult[], env: Environment): string {
  const nodes = [
    ...new Set(results.flatMap((r) => (r.runtimes.length > 0 ? r.runtimes.map((x) => x.node) : r.runs > 0 ? [env.node] : []))),
  ];
  return andList(nodes.length > 0 ? nodes : [env.node]);
}

/** "Linux 6.8.0, Node v22.23.3 and v24.11.1, 2026-11-25": where and when results were verified. */
export function verifiedWhere(results: readonly ScenarioResult[], env: Environment): string {
  return `${osName(env.platform)} ${env.kernel}, Node ${nodesOf(results, env)}, ${env.date.slice(0, 10)}`;
}

/**
 * A list of scenarios states its status once: "All 4 verified on Linux 6.8.0, Node v22.23.3,
 * 2026-11-25." Rows then carry a badge only when they are the exception (see showBadge).
 */
export function describeList(results: readonly ScenarioResult[], env: Environment | undefined): string {
  const n = results.length;
  const verified = results.filter((r) => r.status === 'verified');
  if (n === 0) return '';
  if (!env || verified.length === 0)
    return n === 1 ? 'Not verified in this build.' : 'None of these was verified in this build; each is marked.';
  const where = verifiedWhere(verified, env);
  if (verified.length === n) return n === 1 ? `Verified on ${where}.` : `All ${n} verified on ${where}.`;
  return `${verified.length} of ${n} verified on ${where}; the others are marked.`;
}

/** In a list summed up by describeList, only rows that did not verify show a badge. */
export const showBadge = (result: Pick<ScenarioResult, 'status'>): boolean => result.status !== 'verified';

/** For a page footer: the date of the verifier's run, and "Linux 6.8.0, Node v22.23.3, v24.21.0 and v26.10.0". */
export function lastVerified(env: Environment | undefined): { date: string; where: string } | undefined {
  if (!env) return undefined;
  const node = andList(env.runtimes.length > 0 ? env.runtimes : [env.node]);
  return { date: env.date.slice(0, 10), where: `${osName(env.platform)} ${env.kernel}, Node ${node}` };
}
