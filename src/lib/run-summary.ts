import type { Environment, ScenarioResult } from '../schemas/index.ts';

/** "verified on Linux 6.8.0, Node v22.23.3, 2026-11-25 (3 of 3 runs matched)" or why not. */
export function describeRun(result: ScenarioResult, env: Environment | undefined): string {
  if (result.runs === 0 || !env) return `not verified on Linux: ${result.reason ?? 'not run'}.`;
  const where = `on ${env.platform === 'linux' ? 'Linux' : env.platform} ${env.kernel}, Node ${env.node}, ${env.date.slice(0, 10)}`;
  const runs = `${result.matched} of ${result.runs} runs matched`;
  if (result.status === 'verified') return `verified ${where} (${runs}).`;
  return `${result.status} ${where} (${runs}): ${result.reason ?? ''}`;
}
