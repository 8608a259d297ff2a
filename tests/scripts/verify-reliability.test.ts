// A verifier run leaves the machine as it found it: after every real scenario and the hostile
// fixtures, and after the verify command itself is interrupted (SIGINT) or killed (SIGKILL),
// no process it started, no network namespace and no listening socket is left.
import { describe, expect, it } from 'vitest';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawn } from 'node:child_process';
import { parse as parseYaml } from 'yaml';
import { verifyAll, type VerifyTarget } from '../../scripts/lib/verify/verify.ts';
import { probeSandbox } from '../../scripts/lib/verify/sandbox.ts';
import { scenarioSchema } from '../../src/schemas/index.ts';
import { appearedSince, eventually, hostState, newToken, processesWith } from '../support/processes.ts';

const repo = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Every scenario of content/ with its snippet. Parsed one by one, so a problem another file has
 * while content is being edited does not stop this test.
 */
function realScenarios(): VerifyTarget[] {
  const dir = join(repo, 'content', 'scenarios');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.mdx'))
    .flatMap((f) => {
      const slug = f.slice(0, -'.mdx'.length);
      const snippet = join(repo, 'content', 'snippets', `${slug}.ts`);
      const front = /^---\r?\n([\s\S]*?)\r?\n---/.exec(readFileSync(join(dir, f), 'utf8'))?.[1];
      const parsed = front === undefined ? undefined : scenarioSchema.safeParse(parseYaml(front));
      if (!parsed?.success || !parsed.data.expect.linux || !existsSync(snippet)) return [];
      const s = parsed.data;
      return [{ slug, snippet, expect: s.expect, requires: s.requires, timeoutMs: s.timeoutMs }];
    });
}

describe('verifyAll leaves nothing behind', () => {
  it('after every real scenario and the hostile fixtures: no process, namespace or listener', async () => {
    const token = newToken();
    const fixture = (slug: string, timeoutMs = 8000): VerifyTarget => ({
      slug,
      snippet: join(repo, 'tests', 'fixtures', 'snippets', `${slug}.ts`),
      expect: { linux: { lines: ['client: connected'], absent: [], exitCode: 0, counters: {} } },
      requires: [],
      timeoutMs,
    });
    const fixtures = ['prints-ok', 'crashes', 'floods', 'silent', 'detaches-quietly', 'detaches-holding-stdout'].map((s) => fixture(s));
    fixtures.push(fixture('hangs', 3000), fixture('makes-netns', 3000));
    const real = realScenarios();
    expect(real.length).toBeGreaterThan(0);
    const before = hostState();

    const sandbox = probeSandbox(process.execPath, repo);
    const results = await verifyAll([...real, ...fixtures], {
      runs: 1,
      concurrency: 4,
      platform: 'linux',
      sandbox,
      readOnly: repo,
      env: { ERRNO_KB_TEST_TOKEN: token },
    });
    expect(Object.keys(results)).toHaveLength(real.length + fixtures.length);
    for (const s of real) expect(results[s.slug].status, `${s.slug}: ${results[s.slug].reason}`).toBe('verified');
    expect(results['prints-ok'].status).toBe('verified');
    expect(results.hangs.reason).toContain('timed out');

    await eventually(() => processesWith(token).length === 0);
    expect(processesWith(token)).toEqual([]);
    expect(appearedSince(before)).toEqual({ netns: [], listeners: [] });
  }, 120_000);
});

describe('the verify command, stopped from outside', () => {
  /** A copy of content/ whose first scenario's snippet hangs, forking a process named by `token`. */
  function hangingTree(token: string): string {
    const root = mkdtempSync(join(tmpdir(), 'errno-kb-stop-'));
    cpSync(join(repo, 'content'), join(root, 'content'), { recursive: true });
    const hang = readFileSync(join(repo, 'tests', 'fixtures', 'snippets', 'hangs.ts'), 'utf8').replace(
      "process.env.ERRNO_KB_TEST_TOKEN ?? 'no-token'",
      JSON.stringify(token),
    );
    writeFileSync(join(root, 'content', 'snippets', 'orderly-close-read-eof.ts'), hang);
    // A long timeout, so that stopping "at once" cannot be mistaken for the timeout firing.
    const scenario = join(root, 'content', 'scenarios', 'orderly-close-read-eof.mdx');
    writeFileSync(scenario, readFileSync(scenario, 'utf8').replace(/^timeoutMs: \d+$/m, 'timeoutMs: 60000'));
    return root;
  }

  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
    ['SIGKILL', null],
  ] as const)(
    'on %s it stops at once, publishes nothing and leaves nothing behind',
    async (signal, code) => {
      const token = newToken();
      const root = hangingTree(token);
      const before = hostState();
      try {
        const child = spawn(process.execPath, [join(repo, 'scripts', 'verify.ts'), '--root', root, '--runs', '1'], {
          stdio: ['ignore', 'ignore', 'pipe'],
        });
        let stderr = '';
        child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
        const exited = new Promise<number | null>((ok) => child.on('exit', (c) => ok(c)));
        // Wait until the hanging snippet runs (its forked process appears), then stop the build.
        await eventually(() => processesWith(token).length > 0, 60_000);
        expect(processesWith(token).length).toBeGreaterThan(0);
        child.kill(signal);
        const stoppedAt = performance.now();
        expect(await exited).toBe(code);
        // Promptly: far sooner than the 60 s timeout, with room for a loaded machine.
        expect(performance.now() - stoppedAt).toBeLessThan(30_000);
        if (code !== null) expect(stderr).toContain(`interrupted by ${signal}; every run was stopped and no result was written`);
        expect(existsSync(join(root, 'generated', 'verification.json'))).toBe(false);
        await eventually(() => processesWith(token).length === 0, 20_000);
        expect(processesWith(token)).toEqual([]);
        expect(appearedSince(before)).toEqual({ netns: [], listeners: [] });
      } finally {
        rmSync(root, { recursive: true, force: true });
      }
    },
    90_000,
  );
});
