// Judging runs against expectations that include kernel counters.
import { describe, expect, it } from 'vitest';
import { judge, type RunOutcome } from '../../scripts/lib/verify/judge.ts';
import type { Expectation } from '../../src/schemas/index.ts';

const expectation: Expectation = {
  lines: ['client: read failed ECONNRESET (syscall read)'],
  absent: [],
  exitCode: 0,
  counters: { 'Tcp.OutRsts': 1, 'TcpExt.TW': 0, 'Tcp.InSegs': '>= 2' },
};
const run = (counters?: Record<string, number>): RunOutcome => ({
  stdout: 'client: read failed ECONNRESET (syscall read)\n',
  stderr: '',
  exitCode: 0,
  timedOut: false,
  outputCut: false,
  durationMs: 100,
  counters,
});

describe('judging kernel counters', () => {
  it('verifies runs whose counters match (a counter absent from /proc counts as 0)', () => {
    const counters = { 'Tcp.OutRsts': 1, 'Tcp.InSegs': 6 };
    expect(judge(expectation, [run(counters), run(counters)], 5000)).toEqual({ status: 'verified', matched: 2 });
  });

  it('fails a run whose counter contradicts the claim, naming expected against observed', () => {
    const counters = { 'Tcp.InSegs': 6, 'TcpExt.TW': 1 };
    const verdict = judge(expectation, [run(counters), run(counters)], 5000);
    expect(verdict.status).toBe('failed');
    expect(verdict.reason).toContain('kernel counter Tcp.OutRsts: expected 1, observed 0');
    expect(verdict.reason).toContain('kernel counter TcpExt.TW: expected 0, observed 1');
    expect(verdict.reason).toContain('observed counters: {"Tcp.OutRsts":0,"TcpExt.TW":1,"Tcp.InSegs":6}');
  });

  it('fails a bound that is not met', () => {
    const verdict = judge(expectation, [run({ 'Tcp.OutRsts': 1, 'Tcp.InSegs': 1 })], 5000);
    expect(verdict.reason).toContain('kernel counter Tcp.InSegs: expected at least 2, observed 1');
  });

  it('never counts unavailable counters as matched or failed: lines alone decide', () => {
    expect(judge(expectation, [run(undefined)], 5000)).toEqual({ status: 'verified', matched: 1 });
  });
});
