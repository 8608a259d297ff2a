import { describe, expect, it } from 'vitest';
import { describeIsolation, describeList, describeRun, runsMatched, showBadge } from '../../src/lib/run-summary.ts';
import type { Environment, ScenarioResult } from '../../src/schemas/index.ts';

const env = (isolation: Environment['isolation']): Environment => ({
  platform: 'linux',
  kernel: '6.8.0',
  arch: 'x64',
  node: 'v22.23.3',
  date: '2026-12-04T10:00:00.000Z',
  runs: 3,
  root: true,
  isolation,
  capabilities: { root: isolation === 'namespaces', netns: isolation === 'namespaces' },
  isolationNotes: [],
  runtimes: ['v22.23.3'],
});
const verified = { status: 'verified', runs: 3, matched: 3, durationMs: 900, transcript: '', runtimes: [] } as unknown as ScenarioResult;

describe('run summary', () => {
  it('says where and how often a scenario was verified', () => {
    expect(describeRun(verified, env('namespaces'))).toBe('verified on Linux 6.8.0, Node v22.23.3, 2026-12-04 (3 of 3 runs matched).');
  });

  it('names every Node.js line and counts the runs of all of them', () => {
    const lines = {
      ...verified,
      runtimes: ['v22.23.3', 'v24.21.0', 'v26.10.0'].map((node) => ({ node, matched: 3, runs: 3 })),
    } as unknown as ScenarioResult;
    expect(describeRun(lines, env('namespaces'))).toBe(
      'verified on Linux 6.8.0, Node v22.23.3, v24.21.0 and v26.10.0, 2026-12-04 (9 of 9 runs matched).',
    );
  });

  it('counts the runs of every line for a table cell', () => {
    const lines = {
      ...verified,
      runtimes: [3, 2].map((matched, i) => ({ node: `v2${i}`, matched, runs: 3 })),
    } as unknown as ScenarioResult;
    expect(runsMatched(lines)).toBe('5 / 6');
    expect(runsMatched(verified)).toBe('3 / 3');
  });

  it('says on the scenario page when the runs were not isolated', () => {
    expect(describeRun(verified, env('none'))).toContain('(3 of 3 runs matched, not isolated)');
  });

  it('names the isolation level in words, and says plainly when there was none', () => {
    expect(describeIsolation(env('namespaces'))).toMatch(/own user, network \(loopback only\), PID and mount namespaces/);
    expect(describeIsolation(env('namespaces-without-user'))).toMatch(/refuses user namespaces/);
    expect(describeIsolation(env('none'))).toMatch(/^Runs were not isolated/);
  });
});

describe('a scenario list states its status once', () => {
  const failed = { ...verified, status: 'failed', matched: 1 } as unknown as ScenarioResult;
  const notRun = { ...verified, status: 'not-verified', runs: 0, matched: 0 } as unknown as ScenarioResult;
  const lines = (nodes: string[]) =>
    ({ ...verified, runtimes: nodes.map((node) => ({ node, matched: 3, runs: 3 })) }) as unknown as ScenarioResult;
  it('when all pass: one sentence with the kernel and every Node.js line, and no badge per row', () => {
    expect(describeList([verified, lines(['v22.23.3', 'v24.21.0'])], env('namespaces'))).toBe(
      'All 2 verified on Linux 6.8.0, Node v22.23.3 and v24.21.0, 2026-12-04.',
    );
    expect(showBadge(verified)).toBe(false);
  });
  it('when some do not: the count, and a badge on each exception', () => {
    expect(describeList([verified, failed, notRun], env('namespaces'))).toBe(
      '1 of 3 verified on Linux 6.8.0, Node v22.23.3, 2026-12-04; the others are marked.',
    );
    expect(showBadge(failed)).toBe(true);
    expect(showBadge(notRun)).toBe(true);
  });
  it('never claims verification without a run', () => {
    expect(describeList([notRun], env('namespaces'))).toBe('Not verified in this build.');
    expect(describeList([verified], undefined)).toBe('Not verified in this build.');
    expect(describeList([], env('namespaces'))).toBe('');
  });
});
