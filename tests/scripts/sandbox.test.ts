// Containment, tried as a hostile contributor would: every fixture below attacks the build
// machine from inside a snippet, and each attack must fail while the run is still judged.
// These tests need the full isolation (unshare with user namespaces), which CI has: they fail,
// rather than skip, where it is missing.
import { describe, expect, it, beforeAll } from 'vitest';
import { chmodSync, existsSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { verifyAll, type VerifyTarget } from '../../scripts/lib/verify/verify.ts';
import { probeSandbox, type Sandbox } from '../../scripts/lib/verify/sandbox.ts';
import { GRACE_MS, runSnippet } from '../../scripts/lib/verify/run-snippet.ts';
import { appearedSince, eventually, hostState, newToken, processesWith } from '../support/processes.ts';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const fixture = (name: string) => join(repo, 'tests', 'fixtures', 'snippets', `${name}.ts`);

let sandbox: Sandbox;
beforeAll(() => {
  sandbox = probeSandbox(process.execPath, repo);
});

function target(slug: string, lines: string[], timeoutMs = 8000): VerifyTarget {
  return { slug, snippet: fixture(slug), expect: { linux: { lines, absent: [], exitCode: 0, counters: {} } }, requires: [], timeoutMs };
}

const verify = (targets: VerifyTarget[], env: Record<string, string> = {}) =>
  verifyAll(targets, { runs: 1, concurrency: 2, platform: 'linux', sandbox, readOnly: repo, env });

describe('the sandbox', () => {
  it('is the full isolation on this machine, found by trying: root inside, nested network namespaces', () => {
    expect(sandbox).toMatchObject({ isolation: 'namespaces', capabilities: { root: true, netns: true } });
  });

  it('finds by trying that a level is unavailable, and says why (never a guess)', () => {
    // A Node binary that does not exist: the probe cannot run, so the level is not used.
    const broken = probeSandbox('/nonexistent/node', repo, ['namespaces']);
    expect(broken.isolation).toBe('none');
    expect(broken.capabilities).toEqual({ root: false, netns: false });
    expect(broken.notes.at(-1)).toMatch(/^namespaces unavailable: /);
  });

  it('kills a detached grandchild with stdout closed when the snippet exits', async () => {
    const token = newToken();
    const r = await verify([target('detaches-quietly', ['client: connected'])], { ERRNO_KB_TEST_TOKEN: token });
    expect(r['detaches-quietly'].status).toBe('verified');
    await eventually(() => processesWith(token).length === 0);
    expect(processesWith(token)).toEqual([]);
  });

  it('does not wait for a detached grandchild that holds stdout open and listens: it dies with the run', async () => {
    const token = newToken();
    const before = hostState();
    const started = performance.now();
    const r = await verify([target('detaches-holding-stdout', ['client: connected'], 20_000)], { ERRNO_KB_TEST_TOKEN: token });
    // Well inside the 20 s timeout: the run ends when the snippet does, not when its pipe closes.
    expect(performance.now() - started).toBeLessThan(15_000);
    expect(r['detaches-holding-stdout'].status).toBe('verified');
    await eventually(() => processesWith(token).length === 0);
    expect(processesWith(token)).toEqual([]);
    expect(appearedSince(before).listeners).toEqual([]);
  });

  it('times out a hanging snippet and delivers its result by the deadline plus grace, killing what it forked', async () => {
    const token = newToken();
    const started = performance.now();
    const r = await verify([target('hangs', ['never'], 1500)], { ERRNO_KB_TEST_TOKEN: token });
    expect(performance.now() - started).toBeLessThan(1500 + GRACE_MS + 10_000);
    expect(r.hangs.status).toBe('failed');
    expect(r.hangs.reason).toContain('timed out after 1500 ms');
    await eventually(() => processesWith(token).length === 0);
    expect(processesWith(token)).toEqual([]);
  });

  it('cannot write into the tree being built or the host /tmp; its own directory and HOME are writable', async () => {
    const hostTmp = mkdtempSync(join(tmpdir(), 'errno-kb-hosttmp-'));
    try {
      const r = await verify(
        [target('writes-tree', ['tree: refused EROFS', 'host tmp: refused ENOENT', 'cwd: written', 'home: written'])],
        {
          TREE: repo,
          HOST_TMP: hostTmp,
        },
      );
      expect(r['writes-tree'].status, r['writes-tree'].reason).toBe('verified');
      expect(existsSync(join(repo, 'src', 'pages', 'owned.astro'))).toBe(false);
      expect(existsSync(join(hostTmp, 'owned'))).toBe(false);
    } finally {
      rmSync(hostTmp, { recursive: true, force: true });
    }
  });

  it('works for a tree that lives under /tmp, which the run replaces with its own: read-only, not hidden', async () => {
    // A clean clone in /tmp (as CI may make) must still be visible to its own runs.
    const tree = mkdtempSync(join('/tmp', 'errno-kb-tree-'));
    chmodSync(tree, 0o755); // as a checkout is: readable by the unprivileged user runs are
    try {
      writeFileSync(join(tree, 'marker.txt'), 'here\n');
      const snippet = join(tree, 'reads-tree.ts');
      const source = [
        "import { readFileSync, writeFileSync } from 'node:fs';",
        'const tree = process.env.ERRNO_KB_TREE ?? "";',
        "console.log('read:', readFileSync(`${tree}/marker.txt`, 'utf8').trim());",
        "try { writeFileSync(`${tree}/x`, 'x'); console.log('write: ok'); } catch (e) { console.log('write:', (e as { code: string }).code); }",
      ].join('\n');
      writeFileSync(snippet, source);
      const out = await runSnippet(snippet, source, {
        timeoutMs: 8000,
        isolation: sandbox.isolation,
        readOnly: tree,
        env: { ERRNO_KB_TREE: tree },
      });
      expect(out.stdout.split('\n').filter(Boolean), out.stderr).toEqual(['read: here', 'write: EROFS']);
    } finally {
      rmSync(tree, { recursive: true, force: true });
    }
  });

  it('gives a snippet only the minimal environment, only lo, root inside, a private cwd', async () => {
    process.env.ERRNO_KB_SECRET = 'must-not-leak';
    try {
      const r = await verify([
        target('inspects-itself', ['env: FORCE_COLOR,HOME,LANG,NODE_NO_WARNINGS,PATH,TMPDIR', 'interfaces: lo', 'uid: 0', 'cwd: /tmp']),
      ]);
      expect(r['inspects-itself'].status, r['inspects-itself'].reason).toBe('verified');
      expect(r['inspects-itself'].transcript).not.toContain('ERRNO_KB_SECRET');
    } finally {
      delete process.env.ERRNO_KB_SECRET;
    }
  });

  it('removes a named network namespace whose run was SIGKILLed at its timeout (no clean-up ran)', async () => {
    const token = newToken();
    const before = hostState();
    const r = await verify([target('makes-netns', ['never'], 8000)], { ERRNO_KB_TEST_TOKEN: token });
    expect(r['makes-netns'].transcript).toContain(`created errno-kb-leak-${token}`);
    expect(r['makes-netns'].reason).toContain('timed out');
    expect(appearedSince(before).netns).toEqual([]);
    expect(existsSync(`/run/netns/errno-kb-leak-${token}`)).toBe(false);
  });

  it('records the kernel TCP counters of the run’s own network namespace', async () => {
    const r = await verify([
      {
        slug: 'rst-on-close-with-unread-data',
        snippet: join(repo, 'content', 'snippets', 'rst-on-close-with-unread-data.ts'),
        expect: { linux: { lines: ['client: read failed ECONNRESET (syscall read)'], absent: [], exitCode: 0, counters: {} } },
        requires: [],
        timeoutMs: 8000,
      },
    ]);
    const counters = r['rst-on-close-with-unread-data'].runRecords[0].counters;
    // Counted from zero in a fresh namespace: exactly one reset, sent because data was unread.
    expect(counters).toMatchObject({ 'Tcp.OutRsts': 1, 'TcpExt.TCPAbortOnClose': 1, 'Tcp.ActiveOpens': 1 });
  });
});

describe('capabilities, found by trying', () => {
  it('keeps runs contained when the unprivileged user cannot reach Node.js (a checkout in a private home), and says so', () => {
    const home = mkdtempSync(join('/tmp', 'errno-kb-home-')); // mode 0700, as /root is
    try {
      symlinkSync(process.execPath, join(home, 'node'));
      const found = probeSandbox(join(home, 'node'), repo);
      expect(found).toMatchObject({ isolation: 'namespaces', unprivileged: false, capabilities: { root: true, netns: true } });
      expect(found.notes.join('\n')).toContain('cannot start');
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  });

  it('as root without CAP_SYS_ADMIN, the level that needs it is found unavailable, not failed later', () => {
    const probe = [
      "import { probeSandbox } from './scripts/lib/verify/sandbox.ts';",
      "console.log(JSON.stringify(probeSandbox(process.execPath, process.cwd(), ['namespaces-without-user'])));",
    ].join('\n');
    const r = spawnSync(
      'setpriv',
      ['--bounding-set=-sys_admin', '--inh-caps=-sys_admin', '--', process.execPath, '--input-type=module', '-e', probe],
      { cwd: repo, encoding: 'utf8', timeout: 30_000 },
    );
    expect(r.status, r.stderr).toBe(0);
    const found = JSON.parse(r.stdout.trim()) as Sandbox;
    expect(found.isolation).toBe('none');
    expect(found.capabilities).toEqual({ root: false, netns: false });
    expect(found.notes.join(' ')).toMatch(/namespaces-without-user unavailable/);
  });
});
