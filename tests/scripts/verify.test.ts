// The verifier against fixture snippets: a match, a wrong expectation, a hang, a crash,
// a flood of output, a race, and scenarios it must skip rather than fail.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { verifyAll, type VerifyTarget } from '../../scripts/lib/verify/verify.ts';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/snippets/${name}.ts`, import.meta.url));
const caps = { root: true, netns: true };
const reset = 'client: read failed ECONNRESET (syscall read)';

function target(slug: string, snippet: string, lines: string[], extra: Partial<VerifyTarget> = {}): VerifyTarget {
  return {
    slug,
    snippet: fixture(snippet),
    expect: { linux: { lines, absent: [], exitCode: 0 } },
    requires: [],
    timeoutMs: 3000,
    ...extra,
  };
}

const run = (targets: VerifyTarget[], runs = 2) => verifyAll(targets, { runs, concurrency: 2, platform: 'linux', capabilities: caps });

/** Running (a killed process may linger as a zombie when its new parent never reaps it). */
const alive = (pid: number) => {
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8').split(' ')[2] !== 'Z';
  } catch {
    return false;
  }
};

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
        expect: { linux: { lines: ['client: connected'], absent: [reset], exitCode: 0 } },
      },
    ]);
    expect(r.order.reason).toContain('out of order');
    expect(r.absent.reason).toContain('must not appear');
  });

  it('times out a snippet that never exits, quickly, and kills what it forked', async () => {
    const started = performance.now();
    const r = await run([target('hang', 'hangs', ['never'], { timeoutMs: 500 })], 1);
    expect(performance.now() - started).toBeLessThan(2500);
    expect(r.hang.status).toBe('failed');
    expect(r.hang.reason).toContain('timed out after 500 ms');
    const grandchild = Number(/grandchild (\d+)/.exec(r.hang.transcript)?.[1]);
    expect(grandchild).toBeGreaterThan(0);
    await new Promise((ok) => setTimeout(ok, 100));
    expect(alive(grandchild)).toBe(false);
  });

  it('fails a snippet that crashes, naming the exit code and stderr', async () => {
    const r = await run([target('crash', 'crashes', ['client: about to crash'])], 1);
    expect(r.crash.status).toBe('failed');
    expect(r.crash.reason).toContain('expected exit code 0, got 1');
    expect(r.crash.reason).toContain('boom');
  });

  it('cuts a snippet that prints forever and fails it', async () => {
    const started = performance.now();
    const r = await verifyAll([target('flood', 'floods', ['x'])], {
      runs: 1,
      concurrency: 1,
      platform: 'linux',
      capabilities: caps,
      maxOutputBytes: 100_000,
    });
    expect(performance.now() - started).toBeLessThan(2500);
    expect(r.flood.status).toBe('failed');
    expect(r.flood.reason).toContain('cut');
  });

  it('fails a snippet that observes nothing', async () => {
    const r = await run([target('silent', 'silent', [reset])], 1);
    expect(r.silent.status).toBe('failed');
  });

  it('reports runs that disagree as inconclusive with the rate, never verified', async () => {
    const counter = join(mkdtempSync(join(tmpdir(), 'flaky-')), 'n');
    writeFileSync(counter, '0');
    process.env.FLAKY_COUNTER_FILE = counter;
    const r = await verifyAll([target('flaky', 'flaky', [reset])], { runs: 4, concurrency: 1, platform: 'linux', capabilities: caps });
    expect(r.flaky.status).toBe('inconclusive');
    expect(r.flaky.reason).toContain('only 2 of 4 runs matched');
  });

  it('skips, without failing, a platform with no expectations and a machine without what the snippet needs', async () => {
    const r = await verifyAll(
      [
        { ...target('mac-only', 'prints-ok', []), expect: { darwin: { lines: ['client: connected'], absent: [], exitCode: 0 } } },
        target('needs-root', 'prints-ok', ['client: connected'], { requires: ['root', 'netns'] }),
      ],
      { runs: 1, concurrency: 1, platform: 'linux', capabilities: { root: false, netns: false } },
    );
    expect(r['mac-only']).toMatchObject({ status: 'not-verified', runs: 0, reason: 'no expectations for linux' });
    expect(r['needs-root']).toMatchObject({ status: 'not-verified', reason: 'needs root and netns, which this build machine lacks' });
  });
});
