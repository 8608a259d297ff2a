// How a snippet is contained. A snippet is untrusted code (a contributed pull request), so each
// run gets its own user, network, PID and mount namespaces (util-linux `unshare`), runs without
// any privilege on the host, sees the host's file systems read-only, works in a private /tmp,
// and dies with everything it started when its PID namespace's first process ends.
// See unshare(1), user_namespaces(7), pid_namespaces(7) ("if the init process of a PID namespace
// terminates, the kernel terminates all of the processes in the namespace via a SIGKILL").
import { spawnSync } from 'node:child_process';

/**
 * The containment a run gets, strongest first; the verifier uses the first that works here:
 * - `namespaces`: unprivileged on the host (uid 65534 when the verifier is root), mapped to
 *   root only inside its own user namespace, plus network (only `lo`), PID and mount namespaces.
 * - `namespaces-without-user`: the kernel refuses user namespaces but we are root: network, PID
 *   and mount namespaces, and the snippet runs as uid 65534 with no capabilities.
 * - `none`: a process group, a private working directory and a minimal environment only.
 */
export const isolationLevels = ['namespaces', 'namespaces-without-user', 'none'] as const;
export type Isolation = (typeof isolationLevels)[number];

/** What a contained snippet can do, found by trying it (see `probeSandbox`). */
export interface Capabilities {
  /** The snippet runs as uid 0 (inside its own user namespace, not on the host). */
  root: boolean;
  /** The snippet can create network namespaces (nested inside its own, gone when it ends). */
  netns: boolean;
}

export interface Sandbox {
  isolation: Isolation;
  capabilities: Capabilities;
  /**
   * Runs leave the host's root user for uid 65534 (when the verifier is root). False only when
   * that user cannot start Node.js (say, a checkout inside /root, mode 0700).
   */
  unprivileged: boolean;
  /** Why a stronger level was not used, for the log and the results. */
  notes: string[];
}

/** The unprivileged user a root verifier runs snippets as (nobody on Debian). */
const UNPRIVILEGED = '65534';
const NS_FLAGS = ['--net', '--pid', '--mount', '--fork', '--kill-child', '--mount-proc'];

/** The environment a snippet gets: nothing inherited, no secrets, no proxies. */
export function snippetEnvironment(extra: Record<string, string> = {}): Record<string, string> {
  return {
    PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
    HOME: '/tmp',
    TMPDIR: '/tmp',
    LANG: 'C.UTF-8',
    NODE_NO_WARNINGS: '1',
    FORCE_COLOR: '0',
    ...extra,
  };
}

// Set-up inside the namespaces, as their root, before the snippet starts. Arguments:
// $1 node binary, $2 snippet file name, $3 a directory that must end up read-only (the tree
// being verified), $4 "drop" to run the snippet as the unprivileged user. The snippet's source
// arrives on stdin (the host's /tmp is hidden by then). After the snippet, the kernel's TCP
// counters of this network namespace go to fd 3, which the snippet itself does not get.
const SETUP = String.raw`
set -eu
ip link set lo up
# The tree or the node binary may live under a directory the run gets a fresh, empty copy of
# (a checkout in /tmp): hold them open, and bind them back once the fresh mounts are in place.
# (One the run cannot read, e.g. a private mkdtemp directory, it could not use anyway.)
hidden() { case "$1" in /tmp/*|/run/*|/dev/shm/*) [ -r "$1" ] && [ -x "$1" ] && return 0 ;; esac; return 1; }
nodedir=$(dirname "$1")
held_tree=; held_node=
if hidden "$3"; then exec 4<"$3"; held_tree=1; fi
if hidden "$nodedir"; then exec 5<"$nodedir"; held_node=1; fi
mount -t tmpfs -o mode=0755,size=8m errno-kb-run /run
mount -t tmpfs -o mode=1777,size=256m errno-kb-tmp /tmp
if [ -d /dev/shm ]; then mount -t tmpfs -o mode=1777,size=64m errno-kb-shm /dev/shm; fi
# --no-canonicalize: the kernel follows /proc/self/fd/N to the directory held open, not its name.
if [ -n "$held_tree" ]; then mkdir -p "$3" && mount --no-canonicalize --bind /proc/self/fd/4 "$3"; exec 4<&-; fi
if [ -n "$held_node" ]; then
  [ -e "$1" ] || { mkdir -p "$nodedir" && mount --no-canonicalize --bind /proc/self/fd/5 "$nodedir"; }
  exec 5<&-
fi
for m in $(cut -d' ' -f5 /proc/self/mountinfo | sort -u); do
  case "$m" in /proc|/proc/*|/sys|/sys/*|/dev|/dev/*|/tmp|/run) continue ;; esac
  mount -o remount,bind,ro "$m" 2>/dev/null || true
done
if [ -w "$3" ] || [ -w / ]; then echo "sandbox: the host file systems are still writable" >&2; exit 125; fi
cat > "/tmp/$2"
cd /tmp
unset OLDPWD PWD
[ "$4" = drop ] && chmod 0644 "/tmp/$2"
set +e
if [ "$4" = drop ]; then
  setpriv --reuid=${UNPRIVILEGED} --regid=${UNPRIVILEGED} --clear-groups --inh-caps=-all --bounding-set=-all -- "$1" "/tmp/$2" </dev/null 3>&-
else
  "$1" "/tmp/$2" </dev/null 3>&-
fi
code=$?
cat /proc/net/snmp /proc/net/netstat >&3 2>/dev/null
exit $code
`;

/** Exit status of the set-up script when it could not contain the run (never a snippet's). */
export const SETUP_FAILED = 125;

export interface Invocation {
  command: string;
  args: string[];
  /** The run's source goes to stdin: the set-up script writes it into the private /tmp. */
  sourceOnStdin: boolean;
  /** Run as this uid and gid (and no supplementary groups), when the verifier is root. */
  asUser?: number;
}

/** The command that runs `node file` at `isolation`; `readOnly` is the tree to protect. */
export function invocation(isolation: Isolation, node: string, fileName: string, readOnly: string, unprivileged = true): Invocation {
  const setup = ['sh', '-c', SETUP, 'errno-kb-sandbox', node, fileName, readOnly];
  // The run dies with the verifier (PR_SET_PDEATHSIG), even when the verifier is SIGKILLed:
  // unshare's --kill-child then takes the whole PID namespace with it.
  const dieWithVerifier = ['setpriv', '--pdeathsig', 'KILL'];
  if (isolation === 'namespaces') {
    const drop = unprivileged && process.getuid?.() === 0;
    const user = drop ? [`--reuid=${UNPRIVILEGED}`, `--regid=${UNPRIVILEGED}`, '--clear-groups'] : [];
    const argv = [...dieWithVerifier, ...user, '--', 'unshare', '--user', '--map-root-user', ...NS_FLAGS, ...setup, 'keep'];
    return { command: argv[0], args: argv.slice(1), sourceOnStdin: true };
  }
  if (isolation === 'namespaces-without-user') {
    const argv = [...dieWithVerifier, '--', 'unshare', ...NS_FLAGS, ...setup, 'drop'];
    return { command: argv[0], args: argv.slice(1), sourceOnStdin: true };
  }
  const asUser = unprivileged && process.getuid?.() === 0 ? Number(UNPRIVILEGED) : undefined;
  return { command: node, args: [fileName], sourceOnStdin: false, ...(asUser === undefined ? {} : { asUser }) };
}

// Tried inside each level: the set-up, then whether a nested network namespace can be made
// and removed, and the uid the snippet sees. Run by the set-up script as if it were a snippet.
const PROBE = `
const { spawnSync } = require('node:child_process');
const ip = (...a) => spawnSync('ip', a, { stdio: 'ignore', timeout: 3000 }).status === 0;
const netns = ip('netns', 'add', 'probe') && ip('netns', 'delete', 'probe');
console.log(JSON.stringify({ uid: process.getuid(), netns }));
`;

/**
 * Finds the strongest isolation this machine allows by running a probe in it (the real
 * operations, not a guess from `ip netns list` or the uid). Never throws.
 */
export function probeSandbox(node: string, readOnly: string, levels: readonly Isolation[] = isolationLevels): Sandbox {
  const notes: string[] = [];
  const unprivileged = unprivilegedCanRun(node);
  if (!unprivileged)
    notes.push(`uid ${UNPRIVILEGED} cannot start ${node}, so runs keep the host's root user; every host mount is still read-only to them`);
  for (const isolation of levels) {
    if (isolation === 'none') break;
    const { command, args } = invocation(isolation, node, 'probe.cjs', readOnly, unprivileged);
    const r = spawnSync(command, args, {
      input: PROBE,
      encoding: 'utf8',
      timeout: 10_000,
      env: snippetEnvironment(),
      cwd: '/',
      stdio: ['pipe', 'pipe', 'pipe', 'pipe'],
    });
    const line = r.stdout?.trim().split('\n').at(-1) ?? '';
    if (r.status === 0 && line.startsWith('{')) {
      const seen = JSON.parse(line) as { uid: number; netns: boolean };
      return { isolation, capabilities: { root: seen.uid === 0, netns: seen.netns }, unprivileged, notes };
    }
    const why = (r.error?.message ?? r.stderr?.trim().split('\n').at(-1)) || `exit status ${r.status}`;
    notes.push(`${isolation} unavailable: ${why}`);
  }
  return { isolation: 'none', capabilities: { root: false, netns: false }, unprivileged, notes };
}

/** Whether the unprivileged user can start this Node.js (always, when the verifier is not root). */
function unprivilegedCanRun(node: string): boolean {
  if (process.getuid?.() !== 0) return true;
  const r = spawnSync(node, ['-e', ''], {
    uid: Number(UNPRIVILEGED),
    gid: Number(UNPRIVILEGED),
    cwd: '/',
    timeout: 10_000,
    stdio: 'ignore',
  });
  return r.status === 0;
}
