// Verifies scenarios: runs each snippet several times, judges the runs, records the result.
import { release, arch } from 'node:os';
import { spawnSync } from 'node:child_process';
import type { Environment, ScenarioResult, ScenarioData, VerifiablePlatform } from '../../../src/schemas/index.ts';
import { judge, type RunOutcome } from './judge.ts';
import { runSnippet } from './run-snippet.ts';
import { mapPool } from './pool.ts';

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
  platform?: string;
  /** Capabilities of this machine; detected when left out. */
  capabilities?: Capabilities;
  maxOutputBytes?: number;
}

export interface Capabilities {
  root: boolean;
  netns: boolean;
}

/** Root, and `ip netns` usable (iproute2 installed and namespaces permitted). */
export function detectCapabilities(): Capabilities {
  const root = process.getuid?.() === 0;
  const netns = root && spawnSync('ip', ['netns', 'list'], { timeout: 2000 }).status === 0;
  return { root, netns };
}

export function describeEnvironment(runs: number, caps: Capabilities): Environment {
  return {
    platform: process.platform,
    kernel: release(),
    arch: arch(),
    node: process.version,
    date: new Date().toISOString(),
    runs,
    root: caps.root,
  };
}

/** Verifies every target; returns a result per slug. Never throws for a bad snippet. */
export async function verifyAll(targets: readonly VerifyTarget[], options: VerifyOptions): Promise<Record<string, ScenarioResult>> {
  const platform = (options.platform ?? process.platform) as VerifiablePlatform;
  const caps = options.capabilities ?? detectCapabilities();
  const results: Record<string, ScenarioResult> = {};

  const runnable: VerifyTarget[] = [];
  for (const t of targets) {
    const expect = t.expect[platform];
    const missing = t.requires.filter((r) => !caps[r]);
    if (!expect) results[t.slug] = skipped(`no expectations for ${platform}`);
    else if (missing.length > 0) results[t.slug] = skipped(`needs ${missing.join(' and ')}, which this build machine lacks`);
    else runnable.push(t);
  }

  // One task per run, so a slow scenario does not hold a whole worker for all its runs; the
  // slowest (largest timeout) start first, which keeps the total close to the longest run.
  const tasks = runnable
    .flatMap((t, index) => Array.from({ length: options.runs }, () => ({ t, index })))
    .sort((a, b) => b.t.timeoutMs - a.t.timeoutMs);
  const outcomes = await mapPool(tasks, options.concurrency, async ({ t, index }) => ({
    index,
    outcome: await runSnippet(t.snippet, { timeoutMs: t.timeoutMs, maxOutputBytes: options.maxOutputBytes }),
  }));
  runnable.forEach((t, i) => {
    const runs: RunOutcome[] = outcomes.filter((o) => o.index === i).map((o) => o.outcome);
    const verdict = judge(t.expect[platform]!, runs, t.timeoutMs);
    results[t.slug] = {
      status: verdict.status,
      ...(verdict.reason ? { reason: verdict.reason } : {}),
      runs: runs.length,
      matched: verdict.matched,
      durationMs: Math.round(runs.reduce((sum, r) => sum + r.durationMs, 0)),
      transcript: runs[0].stdout,
      exitCode: runs[0].exitCode,
    };
  });
  return results;
}

function skipped(reason: string): ScenarioResult {
  return { status: 'not-verified', reason, runs: 0, matched: 0, durationMs: 0, transcript: '', exitCode: null };
}
