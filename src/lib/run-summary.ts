import type { Environment, ScenarioResult } from '../schemas/index.ts';

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

/** "verified on Linux 6.8.0, Node v22.23.3, 2026-11-25 (3 of 3 runs matched)" or why not. */
export function describeRun(result: ScenarioResult, env: Environment | undefined): string {
  if (result.runs === 0 || !env) return `not verified on Linux: ${result.reason ?? 'not run'}.`;
  const lines = result.runtimes.length > 0 ? result.runtimes : [{ node: env.node, matched: result.matched, runs: result.runs }];
  const nodes = lines.map((r) => r.node);
  const node = nodes.length > 1 ? `${nodes.slice(0, -1).join(', ')} and ${nodes.at(-1)}` : nodes[0];
  const where = `on ${env.platform === 'linux' ? 'Linux' : env.platform} ${env.kernel}, Node ${node}, ${env.date.slice(0, 10)}`;
  const runs = `${lines.reduce((n, r) => n + r.matched, 0)} of ${lines.reduce((n, r) => n + r.runs, 0)} runs matched`;
  // Only the exception is worth a reader's attention on every scenario page.
  const contained = env.isolation === 'none' ? ', not isolated' : '';
  if (result.status === 'verified') return `verified ${where} (${runs}${contained}).`;
  return `${result.status} ${where} (${runs}${contained}): ${result.reason ?? ''}`;
}
