// The verifier cleans up after itself: once verifyAll has run the real scenarios and the
// fixture snippets (including one that hangs and forks), no process it started is left and
// no TCP socket is left listening. Also: content cases the loader and check tests do not
// cover yet.
import { describe, expect, it } from 'vitest';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, readlinkSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { verifyAll, type VerifyTarget } from '../../scripts/lib/verify/verify.ts';
import { parse as parseYaml } from 'yaml';
import { scenarioSchema } from '../../src/schemas/index.ts';

const repo = fileURLToPath(new URL('../..', import.meta.url));

interface Proc {
  pid: number;
  ppid: number;
  state: string;
  cmd: string;
}

function processes(): Proc[] {
  const out: Proc[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // "pid (comm) state ppid ...": comm may hold spaces and parentheses.
      const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const cmd = readFileSync(`/proc/${name}/cmdline`, 'utf8').replaceAll('\0', ' ').trim();
      out.push({ pid: Number(name), state: rest[0], ppid: Number(rest[1]), cmd });
    } catch {
      // Gone while we looked.
    }
  }
  return out;
}

/** Live (non-zombie) processes whose parent chain leads to `root`. */
function descendants(root: number): Proc[] {
  const all = processes();
  const byPid = new Map(all.map((p) => [p.pid, p]));
  return all.filter((p) => {
    let cur: Proc | undefined = p;
    for (let hops = 0; cur && hops < 64; hops++) {
      if (cur.ppid === root) return p.state !== 'Z';
      cur = byPid.get(cur.ppid);
    }
    return false;
  });
}

interface Listener {
  addr: string;
  inode: string;
}

/** TCP sockets in LISTEN state (0A), from /proc/net/tcp and tcp6. */
function listeners(): Listener[] {
  const out: Listener[] = [];
  for (const file of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    for (const line of text.split('\n').slice(1)) {
      const f = line.trim().split(/\s+/);
      if (f.length > 9 && f[3] === '0A') out.push({ addr: `${file.endsWith('6') ? 'tcp6' : 'tcp'} ${f[1]}`, inode: f[9] });
    }
  }
  return out;
}

/** pid owning a socket inode, by scanning /proc/<pid>/fd. */
function socketOwner(inode: string): Proc | undefined {
  const target = `socket:[${inode}]`;
  for (const p of processes()) {
    let fds: string[];
    try {
      fds = readdirSync(`/proc/${p.pid}/fd`);
    } catch {
      continue;
    }
    for (const fd of fds) {
      try {
        if (readlinkSync(`/proc/${p.pid}/fd/${fd}`) === target) return p;
      } catch {
        // Closed meanwhile.
      }
    }
  }
  return undefined;
}

const alive = (pid: number) => {
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.[0] !== 'Z';
  } catch {
    return false;
  }
};

async function eventually(check: () => boolean, ms = 3000): Promise<void> {
  const until = performance.now() + ms;
  while (!check() && performance.now() < until) await new Promise((ok) => setTimeout(ok, 50));
}

/**
 * Every scenario of content/ with its snippet (copied under `work`). Parsed one by one, so a
 * problem another file has while content is being edited does not stop this test.
 */
function realScenarios(work: string): VerifyTarget[] {
  const dir = join(repo, 'content', 'scenarios');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.mdx'))
    .flatMap((f) => {
      const slug = f.slice(0, -'.mdx'.length);
      const front = /^---\r?\n([\s\S]*?)\r?\n---/.exec(readFileSync(join(dir, f), 'utf8'))?.[1];
      const parsed = front === undefined ? undefined : scenarioSchema.safeParse(parseYaml(front));
      if (!parsed?.success || !parsed.data.expect.linux || !existsSync(join(work, 'snippets', `${slug}.ts`))) return [];
      const s = parsed.data;
      return [{ slug, snippet: join(work, 'snippets', `${slug}.ts`), expect: s.expect, requires: s.requires, timeoutMs: s.timeoutMs }];
    });
}

describe('verifyAll leaves nothing behind', () => {
  it('no child process and no new listening socket after real scenarios, a hang, a crash and a flood', async () => {
    // Private copies, so every process this run starts names our temp dir on its command line,
    // even after it has been re-parented away from us.
    const work = mkdtempSync(join(tmpdir(), 'errno-kb-reliability-'));
    try {
      cpSync(join(repo, 'content', 'snippets'), join(work, 'snippets'), { recursive: true });
      cpSync(join(repo, 'tests', 'fixtures', 'snippets'), join(work, 'fixtures'), { recursive: true });
      const real = realScenarios(work);
      expect(real.length).toBeGreaterThan(0);
      const fixture = (slug: string, file: string, timeoutMs = 3000): VerifyTarget => ({
        slug,
        snippet: join(work, 'fixtures', `${file}.ts`),
        expect: { linux: { lines: ['client: connected'], absent: [], exitCode: 0 } },
        requires: [],
        timeoutMs,
      });
      const fixtures = [
        fixture('fx-ok', 'prints-ok'),
        fixture('fx-hang', 'hangs', 600),
        fixture('fx-crash', 'crashes'),
        fixture('fx-flood', 'floods'),
        fixture('fx-silent', 'silent'),
      ];

      const childrenBefore = new Set(descendants(process.pid).map((p) => p.pid));
      const listenBefore = new Set(listeners().map((l) => l.addr));

      const results = await verifyAll([...real, ...fixtures], { runs: 1, concurrency: 2, platform: 'linux', maxOutputBytes: 64 * 1024 });
      expect(results['fx-hang'].status).toBe('failed');
      expect(results['fx-hang'].reason).toContain('timed out');
      expect(results['fx-ok'].status).toBe('verified');
      expect(Object.keys(results)).toHaveLength(real.length + fixtures.length);
      const grandchild = Number(/grandchild (\d+)/.exec(results['fx-hang'].transcript)?.[1]);
      expect(grandchild).toBeGreaterThan(0);

      const leftovers = () => [
        ...descendants(process.pid)
          .filter((p) => !childrenBefore.has(p.pid))
          .map((p) => `child ${p.pid}: ${p.cmd}`),
        ...processes()
          .filter((p) => p.state !== 'Z' && p.cmd.includes(work))
          .map((p) => `re-parented ${p.pid}: ${p.cmd}`),
        ...(alive(grandchild) ? [`grandchild of the hanging snippet ${grandchild}`] : []),
      ];
      await eventually(() => leftovers().length === 0);
      expect(leftovers()).toEqual([]);

      // New listeners are leaks when they belong to us, to a process of this run, or to nobody.
      // (Other test files running in parallel may open their own servers; those are not ours.)
      const leaked = () =>
        listeners()
          .filter((l) => !listenBefore.has(l.addr))
          .map((l) => ({ l, owner: socketOwner(l.inode) }))
          .filter(
            ({ owner }) =>
              !owner || owner.pid === process.pid || owner.cmd.includes(work) || descendants(process.pid).some((d) => d.pid === owner.pid),
          )
          .map(({ l, owner }) => `${l.addr} owned by ${owner ? `${owner.pid} ${owner.cmd}` : 'no process'}`);
      await eventually(() => leaked().length === 0);
      expect(leaked()).toEqual([]);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  }, 60_000);
});
