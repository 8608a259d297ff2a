// Verifies scenarios: runs each snippet several times, contained, judges the runs, records the result.
import { release, arch } from 'node:os';
import { readFileSync } from 'node:fs';
import type {
  Environment,
  Expectation,
  RuntimeResult,
  ScenarioResult,
  ScenarioData,
  VerifiablePlatform,
} from '../../../src/schemas/index.ts';
import { scenarioFingerprint } from '../../../src/lib/fingerprint.ts';
import { notVerified } from '../../../src/lib/not-verified.ts';
import { judge, mismatches, type RunOutcome } from './judge.ts';
import { runSnippet } from './run-snippet.ts';
import { mapPool } from './pool.ts';
import type { Sandbox } from './sandbox.ts';

/** What the verifier needs of a scenario. */
export interface VerifyTarget {
  slug: string;
  /** Absolute path of the snippet. */
  snippet: string;
  expect: ScenarioData['expect'];
  /** Linux expectations for a Node.js line whose behaviour differs (see the scenario schema). */
  expectByNode?: ScenarioData['expectByNode'];
  requires: ScenarioData['requires'];
  timeoutMs: number;
}

/** A Node.js binary snippets run on. */
export interface Runtime {
  /** process.version, e.g. v24.21.0. */
  version: string;
  execPath: string;
}

/** The verifier's own Node.js, the pinned one. */
export const currentRuntime: Runtime = { version: process.version, execPath: process.execPath };

/** "24" for "v24.21.0". */
export const major = (version: string) => version.replace(/^v/, '').split('.')[0];

export interface VerifyOptions {
  runs: number;
  concurrency: number;
  /** How runs are contained and what they can do there (see `probeSandbox`). */
  sandbox: Sandbox;
  /** The tree being verified, read-only to snippets. */
  readOnly: string;
  platform?: string;
  maxOutputBytes?: number;
  /** Variables given to every snippet on top of the minimal environment (tests use it). */
  env?: Record<string, string>;
  /** Stops every run at once: the build was interrupted or passed its deadline. */
  signal?: AbortSignal;
  /** Node.js runtimes every scenario runs on, the pinned one first (default: this process's). */
  runtimes?: readonly Runtime[];
}

export function describeEnvironment(runs: number, sandbox: Sandbox, runtimes: readonly Runtime[] = [currentRuntime]): Environment {
  return {
    platform: process.platform,
    kernel: release(),
    arch: arch(),
    node: process.version,
    date: new Date().toISOString(),
    runs,
    root: process.getuid?.() === 0,
    isolation: sandbox.isolation,
    capabilities: sandbox.capabilities,
    isolationNotes: sandbox.notes,
    runtimes: runtimes.map((r) => r.version),
  };
}

/** Verifies every target; returns a result per slug. Never throws for a bad snippet. */
export async function verifyAll(targets: readonly VerifyTarget[], options: VerifyOptions): Promise<Record<string, ScenarioResult>> {
  const platform = (options.platform ?? process.platform) as VerifiablePlatform;
  const { capabilities, isolation } = options.sandbox;
  const results: Record<string, ScenarioResult> = {};

  const runnable: Array<VerifyTarget & { source: string; fingerprint: string }> = [];
  for (const t of targets) {
    const source = readFileSync(t.snippet, 'utf8');
    const fingerprint = scenarioFingerprint(t, source);
    const expect = t.expect[platform];
    const missing = t.requires.filter((r) => !capabilities[r]);
    if (!expect) results[t.slug] = notVerified(`no expectations for ${platform}`, fingerprint);
    else if (missing.length > 0)
      results[t.slug] = notVerified(
        `needs ${missing.join(' and ')}, which runs on this build machine lack (isolation: ${isolation})`,
        fingerprint,
      );
    else runnable.push({ ...t, source, fingerprint });
  }

  // One task per run and runtime, so a slow scenario does not hold a whole worker for all its
  // runs; the slowest (largest timeout) start first, which keeps the total close to the longest run.
  const runtimes = options.runtimes ?? [currentRuntime];
  const tasks = runnable
    .flatMap((t, index) => runtimes.flatMap((runtime, r) => Array.from({ length: options.runs }, () => ({ t, index, runtime, r }))))
    .sort((a, b) => b.t.timeoutMs - a.t.timeoutMs);
  const outcomes = await mapPool(tasks, options.concurrency, async ({ t, index, runtime, r }) => ({
    index,
    r,
    outcome: await runSnippet(t.snippet, t.source, {
      timeoutMs: t.timeoutMs,
      isolation,
      readOnly: options.readOnly,
      maxOutputBytes: options.maxOutputBytes,
      env: options.env,
      signal: options.signal,
      node: runtime.execPath,
      unprivileged: options.sandbox.unprivileged,
    }),
  }));
  runnable.forEach((t, i) => {
    const perRuntime = runtimes.map((runtime, r) => {
      const runs: RunOutcome[] = outcomes.filter((o) => o.index === i && o.r === r).map((o) => o.outcome);
      const own = platform === 'linux' ? t.expectByNode?.[major(runtime.version) as '22'] : undefined;
      return judgeRuntime(runtime, runs, own ?? t.expect[platform]!, own !== undefined, t.timeoutMs);
    });
    const [pinned] = perRuntime;
    const worst = perRuntime.reduce((a, b) => (severity[b.result.status] > severity[a.result.status] ? b : a));
    const reasons = perRuntime
      .filter((p) => p.result.reason)
      .map((p) => (runtimes.length > 1 ? `on Node ${p.result.node}: ${p.result.reason}` : p.result.reason));
    results[t.slug] = {
      status: worst.result.status,
      ...(reasons.length ? { reason: reasons.join('\n') } : {}),
      runs: pinned.result.runs,
      matched: pinned.result.matched,
      durationMs: Math.round(perRuntime.reduce((sum, p) => sum + p.durationMs, 0)),
      transcript: pinned.result.transcript,
      exitCode: pinned.exitCode,
      runRecords: pinned.result.runRecords,
      fingerprint: t.fingerprint,
      runtimes: perRuntime.map((p) => p.result),
    };
  });
  return results;
}

const severity = { verified: 0, 'not-verified': 1, inconclusive: 2, failed: 3 } as const;

/** The verdict on one scenario's runs on one runtime. */
function judgeRuntime(runtime: Runtime, runs: RunOutcome[], expect: Expectation, ownExpectation: boolean, timeoutMs: number) {
  const verdict = judge(expect, runs, timeoutMs);
  const result: RuntimeResult = {
    node: runtime.version,
    status: verdict.status,
    ...(verdict.reason ? { reason: verdict.reason } : {}),
    runs: runs.length,
    matched: verdict.matched,
    transcript: runs[0].stdout,
    runRecords: runs.map((r) => ({
      matched: mismatches(expect, r, timeoutMs).length === 0,
      exitCode: r.exitCode,
      durationMs: Math.round(r.durationMs),
      ...(r.counters ? { counters: r.counters } : {}),
    })),
    ownExpectation,
  };
  return { result, exitCode: runs[0].exitCode, durationMs: runs.reduce((sum, r) => sum + r.durationMs, 0) };
}
