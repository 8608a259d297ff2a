// What is running and listening on the host, read from /proc, so tests can prove that a
// verifier run left nothing behind.
import { readdirSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

export interface Proc {
  pid: number;
  ppid: number;
  state: string;
  cmd: string;
}

export function processes(): Proc[] {
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

/** Live (non-zombie) processes whose command line holds `token`. */
export const processesWith = (token: string) => processes().filter((p) => p.state !== 'Z' && p.cmd.includes(token));

/** TCP sockets in LISTEN state (0A) in the host's network namespace, from /proc/net/tcp and tcp6. */
export function listeners(): string[] {
  const out: string[] = [];
  for (const file of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    for (const line of text.split('\n').slice(1)) {
      const f = line.trim().split(/\s+/);
      if (f.length > 9 && f[3] === '0A') out.push(`${file.endsWith('6') ? 'tcp6' : 'tcp'} ${f[1]}`);
    }
  }
  return out.sort();
}

/** Names in the host's `ip netns list` (empty without iproute2). */
export function hostNetns(): string[] {
  const r = spawnSync('ip', ['netns', 'list'], { encoding: 'utf8', timeout: 5000 });
  return (r.stdout ?? '')
    .split('\n')
    .map((l) => l.split(' ')[0])
    .filter(Boolean)
    .sort();
}

/** Polls `check` every 50 ms until it holds or `ms` pass; bounded, never throws. */
/** What a leak would change on the host: its network namespaces and listening sockets. */
export const hostState = () => ({ netns: hostNetns(), listeners: listeners() });

/**
 * What appeared on the host since `before`: a leak only ever adds. (Other programs on a shared
 * machine may close their own listeners meanwhile; that is no concern of the verifier's.)
 */
export function appearedSince(before: ReturnType<typeof hostState>): ReturnType<typeof hostState> {
  const now = hostState();
  return {
    netns: now.netns.filter((n) => !before.netns.includes(n)),
    listeners: now.listeners.filter((l) => !before.listeners.includes(l)),
  };
}

export async function eventually(check: () => boolean, ms = 5000): Promise<void> {
  const until = performance.now() + ms;
  while (!check() && performance.now() < until) await new Promise((ok) => setTimeout(ok, 50));
}

/** A token unlikely to appear in any other process's command line. */
export const newToken = () => `errnokbtest${process.pid}x${Math.random().toString(36).slice(2, 10)}`;
