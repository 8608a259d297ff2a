// Verifies scenarios: runs each snippet several times, contained, judges the runs, records the result.
import { release, arch } from 'node:os';
import { readFileSync } from 'node:fs';
import type { Environment, ScenarioResult, ScenarioData, VerifiablePlatform } from '../../../src/schemas/index.ts';
import { scenarioFingerprint } from '../../../src/lib/fingerprint.ts';
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
  requires: ScenarioData['requires'];
  timeoutMs: number;
}

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
}

export function describeEnvironment(runs: number, sandbox: Sandbox): Environment {
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
    if (!expect) results[t.slug] = skipped(`no expectations for ${platform}`, fingerprint);
    else if (missing.length > 0)
      results[t.slug] = skipped(
        `needs ${missing.join(' and ')}, which runs on this build machine lack (isolation: ${isolation})`,
        fingerprint,
      );
    else runnable.push({ ...t, source, fingerprint });
  }

  // One task per run, so a slow scenario does not hold a whole worker for all its runs; the
  // slowest (largest timeout) start first, which keeps the total close to the longest run.
  const tasks = runnable
    .flatMap((t, index) => Array.from({ length: options.runs }, () => ({ t, index })))
    .sort((a, b) => b.t.timeoutMs - a.t.timeoutMs);
  const outcomes = await mapPool(tasks, options.concurrency, async ({ t, index }) => ({
    index,
    outcome: await runSnippet(t.snippet, t.source, {
      timeoutMs: t.timeoutMs,
      isolation,
      readOnly: options.readOnly,
      maxOutputBytes: options.maxOutputBytes,
      env: options.env,
      signal: options.signal,
    }),
  }));
  runnable.forEach((t, i) => {
    const runs: RunOutcome[] = outcomes.filter((o) => o.index === i).map((o) => o.outcome);
    const expect = t.expect[platform]!;
    const verdict = judge(expect, runs, t.timeoutMs);
    results[t.slug] = {
      status: verdict.status,
      ...(verdict.reason ? { reason: verdict.reason } : {}),
      runs: runs.length,
      matched: verdict.matched,
      durationMs: Math.round(runs.reduce((sum, r) => sum + r.durationMs, 0)),
      transcript: runs[0].stdout,
      exitCode: runs[0].exitCode,
      runRecords: runs.map((r) => ({
        matched: mismatches(expect, r, t.timeoutMs).length === 0,
        exitCode: r.exitCode,
        durationMs: Math.round(r.durationMs),
        ...(r.counters ? { counters: r.counters } : {}),
      })),
      fingerprint: t.fingerprint,
    };
  });
  return results;
}

function skipped(reason: string, fingerprint: string): ScenarioResult {
  return {
    status: 'not-verified',
    reason,
    runs: 0,
    matched: 0,
    durationMs: 0,
    transcript: '',
    exitCode: null,
    runRecords: [],
    fingerprint,
  };
}
