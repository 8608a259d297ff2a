// The site publishes a result only for the snippet and expectations it was made from: stale,
// edited, truncated or malformed results files are refused with a message naming the file.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readVerification, staleness, type BuildingFrom } from '../../src/loaders/read-verification.ts';
import { resultsFingerprint, scenarioFingerprint } from '../../src/lib/fingerprint.ts';
import type { Verification } from '../../src/schemas/index.ts';

const expect0 = { linux: { lines: ['client: read end-of-file'], absent: [], exitCode: 0, counters: {} } };
const building: BuildingFrom = {
  scenarios: [{ slug: 'eof-demo', expect: expect0, requires: [], timeoutMs: 5000, source: "console.log('client: read end-of-file');\n" }],
  node: 'v22.23.3',
  runtimes: ['v22.23.3', 'v24.21.0', 'v26.10.0'],
  kernel: '6.18.0',
};

/** The results the verifier would write for `from`. */
function resultsFor(from: BuildingFrom): Verification {
  const scenarios = Object.fromEntries(
    from.scenarios.map((s) => [
      s.slug,
      {
        status: 'verified' as const,
        runs: 3,
        matched: 3,
        durationMs: 300,
        transcript: 'client: read end-of-file\n',
        exitCode: 0,
        runRecords: [],
        fingerprint: scenarioFingerprint(s, s.source),
        runtimes: [],
      },
    ]),
  );
  const fingerprints = Object.fromEntries(Object.entries(scenarios).map(([k, v]) => [k, v.fingerprint]));
  return {
    fingerprint: resultsFingerprint(fingerprints, from.runtimes, from.kernel),
    environment: {
      platform: 'linux',
      kernel: from.kernel,
      arch: 'x64',
      node: from.node,
      date: '2026-12-01T00:00:00.000Z',
      runs: 3,
      root: true,
      isolation: 'namespaces',
      capabilities: { root: true, netns: true },
      isolationNotes: [],
      runtimes: from.runtimes,
    },
    durationMs: 1000,
    scenarios,
  };
}

const file = (text: string) => {
  const path = join(mkdtempSync(join(tmpdir(), 'errno-kb-results-')), 'verification.json');
  writeFileSync(path, text);
  return path;
};

describe('staleness', () => {
  it('accepts results made from exactly this content, Node and kernel', () => {
    expect(staleness(resultsFor(building), building)).toEqual([]);
  });

  it.each<[string, (b: BuildingFrom) => BuildingFrom, string]>([
    [
      'a changed snippet',
      (b) => ({ ...b, scenarios: [{ ...b.scenarios[0], source: `${b.scenarios[0].source}// edited\n` }] }),
      'scenario "eof-demo" changed since it was verified (content/snippets/eof-demo.ts or its expectations)',
    ],
    [
      'a changed expectation',
      (b) => ({ ...b, scenarios: [{ ...b.scenarios[0], expect: { linux: { ...expect0.linux, exitCode: 1 } } }] }),
      'scenario "eof-demo" changed since it was verified',
    ],
    ['another Node', (b) => ({ ...b, node: 'v24.1.0' }), 'verified with Node v22.23.3, building with v24.1.0'],
    [
      'another Node.js line installed',
      (b) => ({ ...b, runtimes: ['v22.23.3', 'v24.22.0', 'v26.10.0'] }),
      'verified on Node v22.23.3, v24.21.0, v26.10.0, while this checkout has v22.23.3, v24.22.0, v26.10.0',
    ],
    ['another kernel', (b) => ({ ...b, kernel: '6.1.0' }), 'verified on kernel 6.18.0, building on 6.1.0'],
    [
      'a new scenario without a result',
      (b) => ({ ...b, scenarios: [...b.scenarios, { ...b.scenarios[0], slug: 'new-one' }] }),
      'scenario "new-one" has no result',
    ],
    ['a removed scenario', (b) => ({ ...b, scenarios: [] }), 'result for scenario "eof-demo", which no longer exists'],
  ])('refuses results after %s', (_, change, message) => {
    expect(staleness(resultsFor(building), change(building)).join('\n')).toContain(message);
  });

  it('refuses a results file edited by hand (a failed run turned into "verified")', () => {
    const edited = resultsFor(building);
    edited.environment.runs = 5;
    edited.fingerprint = 'f'.repeat(64);
    expect(staleness(edited, building)).toEqual([
      'the results file was edited after the verifier wrote it (its fingerprint does not match)',
    ]);
  });
});

describe('readVerification', () => {
  it('reads good results', () => {
    expect(readVerification(building, file(JSON.stringify(resultsFor(building))))?.scenarios['eof-demo'].status).toBe('verified');
  });

  it('is undefined (pages say "not verified") when the verifier has not run', () => {
    expect(readVerification(building, join(tmpdir(), 'no-such-dir-errno-kb', 'verification.json'))).toBeUndefined();
  });

  it('names the file when it is truncated', () => {
    const path = file(JSON.stringify(resultsFor(building)).slice(0, 100));
    expect(() => readVerification(building, path)).toThrow(`${path}: not valid JSON`);
  });

  it('names the file and the field when it is not a results file', () => {
    const bad = { ...resultsFor(building), durationMs: 'slow' };
    const path = file(JSON.stringify(bad));
    expect(() => readVerification(building, path)).toThrow(`${path}: not a verification result (durationMs:`);
  });

  it('names the file and what changed when it is stale', () => {
    const path = file(JSON.stringify(resultsFor(building)));
    const changed = { ...building, scenarios: [{ ...building.scenarios[0], source: 'console.log(1);\n' }] };
    expect(() => readVerification(changed, path)).toThrow(`${path}: stale results, refused:\n  - scenario "eof-demo" changed`);
  });
});
