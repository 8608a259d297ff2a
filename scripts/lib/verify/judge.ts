// Pure comparison of observed runs with a scenario's expectations.
import type { Expectation } from '../../../src/schemas/index.ts';
import { counterMatches, describeExpectation } from '../../../src/lib/counter-bounds.ts';

/** What one run of a snippet produced. */
export interface RunOutcome {
  stdout: string;
  stderr: string;
  /** null when the process was killed. */
  exitCode: number | null;
  timedOut: boolean;
  /** Set when stdout grew past the limit and the run was cut. */
  outputCut: boolean;
  /** Set when the build was interrupted or passed its deadline while the run was going. */
  aborted?: boolean;
  /** Non-zero kernel counters of the run's network namespace; undefined without one. */
  counters?: Record<string, number>;
  durationMs: number;
}

/** Non-empty trimmed lines, with \r stripped, as the observations of a run. */
export function observations(stdout: string): string[] {
  return stdout
    .split('\n')
    .map((l) => l.replace(/\r$/, '').trimEnd())
    .filter((l) => l.length > 0);
}

/** Every way `run` falls short of `expect`; empty when it matches. */
export function mismatches(expect: Expectation, run: RunOutcome, timeoutMs: number): string[] {
  if (run.aborted) return ['stopped: the build was interrupted or passed its deadline'];
  if (run.timedOut) return [`timed out after ${timeoutMs} ms (the snippet must exit by itself)`];
  if (run.outputCut) return ['printed more output than allowed; the run was cut'];
  const problems: string[] = [];
  const lines = observations(run.stdout);
  let at = 0;
  for (const want of expect.lines) {
    const found = lines.indexOf(want, at);
    if (found === -1) {
      const anywhere = lines.includes(want);
      problems.push(anywhere ? `expected line out of order: "${want}"` : `expected line not observed: "${want}"`);
    } else at = found + 1;
  }
  for (const banned of expect.absent) if (lines.includes(banned)) problems.push(`line must not appear but did: "${banned}"`);
  if (run.exitCode !== expect.exitCode) problems.push(`expected exit code ${expect.exitCode}, got ${run.exitCode ?? 'none (killed)'}`);
  // Without its own network namespace a run has no counters of its own: they are reported as
  // unavailable on the page, neither matched nor failed.
  if (run.counters) {
    for (const [name, want] of Object.entries(expect.counters)) {
      const seen = run.counters[name] ?? 0;
      if (!counterMatches(want, seen)) problems.push(`kernel counter ${name}: expected ${describeExpectation(want)}, observed ${seen}`);
    }
  }
  return problems;
}

/** The informative part of a crash: the message lines, without the stack frames. */
function stderrSummary(stderr: string): string {
  return stderr
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('at ') && l !== '^')
    .slice(0, 6)
    .join(' | ');
}

/** At most `max` lines, the rest counted, so one noisy run cannot flood the build log. */
function trimmed(lines: string[], max = 12): string[] {
  return lines.length <= max ? lines : [...lines.slice(0, max), `... ${lines.length - max} more line(s)`];
}

/**
 * The evidence of every run: its outcome, what it printed and, for a crash, its stderr. Enough
 * to diagnose a flaky or failing scenario from the build log alone.
 */
export function evidence(expect: Expectation, runs: RunOutcome[], perRun: string[][]): string {
  const out = [
    `expected lines: ${JSON.stringify(expect.lines)}${expect.absent.length ? `, absent: ${JSON.stringify(expect.absent)}` : ''}`,
  ];
  const checked = Object.keys(expect.counters);
  if (checked.length) out.push(`expected counters: ${JSON.stringify(expect.counters)}`);
  runs.forEach((run, i) => {
    const problems = perRun[i];
    out.push(
      `run ${i + 1}: ${problems.length ? `FAILED (${problems.join('; ')})` : 'matched'}, exit ${run.exitCode ?? 'none (killed)'}, ${Math.round(run.durationMs)} ms`,
    );
    out.push(`  observed lines: ${JSON.stringify(trimmed(observations(run.stdout)))}`);
    if (checked.length)
      out.push(
        `  observed counters: ${run.counters ? JSON.stringify(Object.fromEntries(checked.map((n) => [n, run.counters?.[n] ?? 0]))) : 'unavailable (no network namespace of its own)'}`,
      );
    if (problems.length && run.stderr.trim()) out.push(`  stderr: ${stderrSummary(run.stderr)}`);
  });
  return out.join('\n');
}

export interface Verdict {
  status: 'verified' | 'failed' | 'inconclusive';
  matched: number;
  reason?: string;
}

/**
 * All runs must match and print the same observations. Some matching is a race, reported
 * with its rate as inconclusive; none matching is a failure. Both show every run's evidence.
 */
export function judge(expect: Expectation, runs: RunOutcome[], timeoutMs: number): Verdict {
  const perRun = runs.map((r) => mismatches(expect, r, timeoutMs));
  const matched = perRun.filter((p) => p.length === 0).length;
  if (matched === 0) {
    return { status: 'failed', matched, reason: [...perRun[0], evidence(expect, runs, perRun)].join('\n') };
  }
  if (matched < runs.length) {
    const firstBad = perRun.find((p) => p.length > 0) ?? [];
    return {
      status: 'inconclusive',
      matched,
      reason: `only ${matched} of ${runs.length} runs matched (a race); a failing run: ${firstBad.join('; ')}\n${evidence(expect, runs, perRun)}`,
    };
  }
  const first = observations(runs[0].stdout).join('\n');
  const differing = runs.findIndex((r) => observations(r.stdout).join('\n') !== first);
  if (differing !== -1) {
    return {
      status: 'inconclusive',
      matched,
      reason: `runs 1 and ${differing + 1} printed different observations; a verified transcript must be the same on every run\n${evidence(expect, runs, perRun)}`,
    };
  }
  return { status: 'verified', matched };
}
