// The verifier against fixture snippets: a match, a wrong expectation, a hang, a crash,
// a flood of output, a race, and scenarios it must skip rather than fail.
import { describe, expect, it } from 'vitest';
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { verifyAll, type VerifyTarget, type VerifyOptions } from '../../scripts/lib/verify/verify.ts';
import { probeSandbox, type Sandbox } from '../../scripts/lib/verify/sandbox.ts';
import { eventually, newToken, processesWith } from '../support/processes.ts';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const fixture = (name: string) => join(repo, 'tests', 'fixtures', 'snippets', `${name}.ts`);
const sandbox = probeSandbox(process.execPath, repo);
const reset = 'client: read failed ECONNRESET (syscall read)';

function target(slug: string, snippet: string, lines: string[], extra: Partial<VerifyTarget> = {}): VerifyTarget {
  return {
    slug,
    snippet: fixture(snippet),
    expect: { linux: { lines, absent: [], exitCode: 0, counters: {} } },
    requires: [],
    timeoutMs: 3000,
    ...extra,
  };
}

const options = (extra: Partial<VerifyOptions> = {}): VerifyOptions => ({
  runs: 2,
  concurrency: 2,
  platform: 'linux',
  sandbox,
  readOnly: repo,
  ...extra,
});
const run = (targets: VerifyTarget[], runs = 2, env: Record<string, string> = {}) => verifyAll(targets, options({ runs, env }));

describe('verifyAll', () => {
  it('marks a snippet whose runs match as verified, with its transcript', async () => {
    const r = await run([target('ok', 'prints-ok', ['client: connected', reset])]);
    expect(r.ok).toMatchObject({ status: 'verified', runs: 2, matched: 2, exitCode: 0 });
    expect(r.ok.transcript).toContain(reset);
  });

  it('fails a wrong expectation and shows expected against observed', async () => {
    const r = await run([target('wrong', 'prints-ok', ['client: read failed EPIPE (syscall write)'])]);
    expect(r.wrong.status).toBe('failed');
    expect(r.wrong.reason).toContain('expected line not observed: "client: read failed EPIPE (syscall write)"');
    expect(r.wrong.reason).toContain(`observed lines: ${JSON.stringify(['client: connected', reset])}`);
  });

  it('fails lines seen out of order, and lines that must be absent', async () => {
    const r = await run([
      target('order', 'prints-ok', [reset, 'client: connected']),
      {
        ...target('absent', 'prints-ok', ['client: connected']),
        expect: { linux: { lines: ['client: connected'], absent: [reset], exitCode: 0, counters: {} } },
      },
    ]);
    expect(r.order.reason).toContain('out of order');
    expect(r.absent.reason).toContain('must not appear');
  });

  it('times out a snippet that never exits and kills what it forked', async () => {
    const token = newToken();
    const r = await run([target('hang', 'hangs', ['never'], { timeoutMs: 1500 })], 1, { ERRNO_KB_TEST_TOKEN: token });
    expect(r.hang.status).toBe('failed');
    expect(r.hang.reason).toContain('timed out after 1500 ms');
    await eventually(() => processesWith(token).length === 0);
    expect(processesWith(token)).toEqual([]);
  });

  it("shows every run's evidence in a failure: outcome, exit, expected and what it printed", async () => {
    const r = await run([target('wrong', 'prints-ok', ['client: read end-of-file'])], 2);
    expect(r.wrong.reason).toContain('expected lines: ["client: read end-of-file"]');
    for (const n of [1, 2])
      expect(r.wrong.reason).toMatch(
        new RegExp(`run ${n}: FAILED \\(expected line not observed: "client: read end-of-file"\\), exit 0, \\d+ ms`),
      );
    expect(r.wrong.reason).toContain(`  observed lines: ${JSON.stringify(['client: connected', reset])}`);
  });

  it('stops every run at once when the build is interrupted, and fails them as stopped', async () => {
    const stop = new AbortController();
    const started = performance.now();
    setTimeout(() => stop.abort(), 1000);
    const r = await verifyAll([target('hang', 'hangs', ['never'], { timeoutMs: 20_000 })], options({ runs: 3, signal: stop.signal }));
    expect(performance.now() - started).toBeLessThan(15_000);
    expect(r.hang.status).toBe('failed');
    expect(r.hang.reason).toContain('stopped: the build was interrupted');
  });

  it('fails a snippet that crashes, naming the exit code and stderr', async () => {
    const r = await run([target('crash', 'crashes', ['client: about to crash'])], 1);
    expect(r.crash.status).toBe('failed');
    expect(r.crash.reason).toContain('expected exit code 0, got 1');
    expect(r.crash.reason).toContain('boom');
  });

  it('cuts a snippet that prints forever and fails it', async () => {
    const started = performance.now();
    const r = await verifyAll([target('flood', 'floods', ['x'], { timeoutMs: 20_000 })], options({ runs: 1, maxOutputBytes: 100_000 }));
    // Cut long before its 20 s timeout.
    expect(performance.now() - started).toBeLessThan(15_000);
    expect(r.flood.status).toBe('failed');
    expect(r.flood.reason).toContain('cut');
  });

  it('fails a snippet that observes nothing', async () => {
    const r = await run([target('silent', 'silent', [reset])], 1);
    expect(r.silent.status).toBe('failed');
  });

  it('reports runs that disagree as inconclusive with the rate, never verified', async () => {
    // Contained runs share nothing, so a race between them is staged without namespaces: a
    // counter file the (unprivileged) runs take turns on.
    const dir = mkdtempSync(join(tmpdir(), 'flaky-'));
    chmodSync(dir, 0o777);
    const counter = join(dir, 'n');
    writeFileSync(counter, '0', { mode: 0o666 });
    chmodSync(counter, 0o666);
    const none: Sandbox = { isolation: 'none', capabilities: { root: false, netns: false }, unprivileged: true, notes: [] };
    const r = await verifyAll(
      [target('flaky', 'flaky', [reset])],
      options({ runs: 4, concurrency: 1, sandbox: none, env: { FLAKY_COUNTER_FILE: counter } }),
    );
    expect(r.flaky.status).toBe('inconclusive');
    expect(r.flaky.reason).toContain('only 2 of 4 runs matched');
    expect(r.flaky.reason).toContain('run 1: FAILED');
    expect(r.flaky.reason).toContain('run 2: matched');
  });

  it('skips, without failing, a platform with no expectations and a machine without what the snippet needs', async () => {
    const r = await verifyAll(
      [
        {
          ...target('mac-only', 'prints-ok', []),
          expect: { darwin: { lines: ['client: connected'], absent: [], exitCode: 0, counters: {} } },
        },
        target('needs-root', 'prints-ok', ['client: connected'], { requires: ['root', 'netns'] }),
      ],
      options({
        runs: 1,
        concurrency: 1,
        sandbox: { isolation: 'none', capabilities: { root: false, netns: false }, unprivileged: true, notes: [] },
      }),
    );
    expect(r['mac-only']).toMatchObject({ status: 'not-verified', runs: 0, reason: 'no expectations for linux' });
    expect(r['needs-root']).toMatchObject({
      status: 'not-verified',
      reason: 'needs root and netns, which runs on this build machine lack (isolation: none)',
    });
  });

  describe('on several Node.js runtimes', () => {
    const here = process.versions.node.split('.')[0];
    const runtimes = [
      { version: process.version, execPath: process.execPath },
      // The same binary under another name: what matters here is which expectation applies.
      { version: 'v99.0.0', execPath: process.execPath },
    ];
    const byNode = (lines: string[]) => ({ lines, absent: [], exitCode: 0, counters: {} });

    it('gives a result per runtime, each held to its own expectation where it has one', async () => {
      const t = target('major', 'prints-node-major', ['node: 0'], { expectByNode: { [here]: byNode([`node: ${here}`]) } });
      const r = await verifyAll([t], options({ runtimes: [runtimes[0]] }));
      expect(r.major.status).toBe('verified');
      expect(r.major.runtimes).toEqual([expect.objectContaining({ node: process.version, status: 'verified', ownExpectation: true })]);
    });

    it('fails the scenario when any runtime fails, naming that runtime', async () => {
      const t = target('major', 'prints-node-major', [`node: ${here}`], { expectByNode: { '26': byNode(['node: 26']) } });
      const r = await verifyAll([t], options({ runtimes }));
      expect(r.major.runtimes.map((x) => x.status)).toEqual(['verified', 'verified']);
      const strict = await verifyAll([{ ...t, expect: { linux: byNode(['node: 99']) } }], options({ runtimes }));
      expect(strict.major.status).toBe('failed');
      expect(strict.major.reason).toContain(`on Node ${process.version}: expected line not observed: "node: 99"`);
      expect(strict.major.runtimes.map((x) => x.node)).toEqual([process.version, 'v99.0.0']);
    });
  });
});
