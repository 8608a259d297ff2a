// Connect to an address whose packets are silently dropped: no RST and no ICMP come back, so
// the kernel retransmits the SYN and connect() fails with ETIMEDOUT. An application timer gives
// up much sooner. A host that is up but has no listener refuses at once (ECONNREFUSED).
// Needs root: it builds two private network namespaces and removes them when it ends.
// Run: sudo node connect-timeout-to-unresponsive-host.ts   (Linux, Node >= 22.18, no install)
import net from 'node:net';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';

const ROUTER = '10.77.1.254'; // the client's gateway: up, answers ARP, listens on nothing
const BLACK_HOLE = '10.77.2.1'; // routed via the gateway, which drops it without a word

if (process.argv[2] === 'client') runClient();
else runParent();

// Runs iproute2 commands in one process: `ip -batch -` reads one command a line and `-n NS`
// applies them inside a namespace. One process instead of a dozen keeps the set-up fast.
function ip(lines: string[], inside?: string, ignoreErrors = false): void {
  const args = [...(inside ? ['-n', inside] : []), ...(ignoreErrors ? ['-force'] : []), '-batch', '-'];
  const r = spawnSync('ip', args, { input: `${lines.join('\n')}\n`, encoding: 'utf8', timeout: 4000 });
  if (r.status !== 0 && !ignoreErrors) throw new Error(`ip ${args.join(' ')} failed: ${r.stderr || r.error}`);
}


// Names the namespaces in a private /run/netns, inside a mount namespace of this run's own, so
// that whatever ends the run (even SIGKILL, which skips the clean-up) takes the names, and with
// them the namespaces, along. Returns true in the caller, which then only waits for the copy.
function reexecWithPrivateNames(): boolean {
  if (process.env.ERRNO_KB_PRIVATE_NETNS === '1') return false;
  const script = 'mkdir -p /run/netns && mount -t tmpfs errno-kb-netns /run/netns && exec "$@"';
  const r = spawnSync('unshare', ['--mount', '--propagation', 'private', '--', 'sh', '-c', script, 'sh', process.execPath, import.meta.filename], {
    stdio: 'inherit',
    env: { ...process.env, ERRNO_KB_PRIVATE_NETNS: '1' },
  });
  process.exitCode = r.status ?? 1;
  return true;
}

// ---- the orchestrator, in the host's namespace: builds and always removes the namespaces ----
function runParent(): void {
  if (process.getuid?.() !== 0) {
    // A skipped run must not look like a pass: 77 is the status test suites use for "skipped".
    console.log('skipped: this scenario needs root to create network namespaces (exit status 77)');
    process.exitCode = 77;
    return;
  }
  if (reexecWithPrivateNames()) return;
  const tag = String(process.pid);
  const nsClient = `errno-kb-${tag}-c`;
  const nsRouter = `errno-kb-${tag}-r`;
  let cleaned = false;
  const cleanup = () => {
    if (cleaned) return;
    cleaned = true;
    // Deleting a namespace also deletes the veth end inside it (and so the pair).
    ip([`netns delete ${nsClient}`, `netns delete ${nsRouter}`], undefined, true);
  };
  process.on('exit', cleanup);
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(sig, () => process.exit(1));

  try {
    ip([
      `netns add ${nsClient}`,
      `netns add ${nsRouter}`,
      `link add ekc${tag} netns ${nsClient} type veth peer name ekr${tag} netns ${nsRouter}`,
    ]);
    ip(['link set lo up', `addr add 10.77.1.1/24 dev ekc${tag}`, `link set ekc${tag} up`, `route add default via ${ROUTER}`], nsClient);
    // The gateway discards packets for BLACK_HOLE without a reply of any kind: no RST, no ICMP
    // (a blackhole route, unlike `unreachable` or `prohibit`, sends nothing back). A firewall
    // with a DROP policy, or a host that is switched off, looks the same from the client.
    ip(['link set lo up', `addr add ${ROUTER}/24 dev ekr${tag}`, `link set ekr${tag} up`, `route add blackhole ${BLACK_HOLE}/32`], nsRouter);
    console.log(`network: packets to ${BLACK_HOLE} are dropped silently on the way`);

    // The client runs inside its namespace; spawnSync's timeout bounds the whole run.
    const r = spawnSync('ip', ['netns', 'exec', nsClient, process.execPath, import.meta.filename, 'client'], {
      stdio: ['ignore', 'inherit', 'inherit'],
      timeout: 6000,
    });
    if (r.status !== 0) {
      console.log('gave up: the client did not finish within 6 s');
      process.exitCode = 1;
    }
  } finally {
    cleanup();
  }
}

// ---- the client, inside its own namespace ----
function runClient(): void {
  setTimeout(() => {
    console.log('gave up: nothing happened within 10 s');
    process.exit(1);
  }, 10000).unref();

  // These sysctls are per network namespace, so only this namespace is affected.
  // tcp_syn_retries=1: one SYN retransmission, plus the tcp_syn_linear_timeouts (4) of Linux >= 6.5,
  // then give up (the defaults mean about 131 s; 127 s before 6.5). tcp_rto_max_ms=1000
  // (Linux >= 6.15) caps the backoff: about 6 s; on older kernels it is missing (7 s, or 3 s before 6.5).
  writeFileSync('/proc/sys/net/ipv4/tcp_syn_retries', '1');
  try {
    writeFileSync('/proc/sys/net/ipv4/tcp_rto_max_ms', '1000');
  } catch {
    // Older kernel: the 3 s default schedule applies.
  }

  // 1. The gateway is up but nothing listens on port 9: its kernel answers the SYN with RST.
  const refused = net.connect({ host: ROUTER, port: 9 });
  refused.on('connect', () => console.log('client: connected to the gateway (unexpected)'));
  refused.on('error', (err: NodeJS.ErrnoException) => {
    console.log(`client: connect to a host with no listener failed ${err.code} (syscall ${err.syscall})`);
    dropped();
  });
}

function dropped(): void {
  // 2. Same unanswered SYNs, but the application sets its own limit: socket.setTimeout (here via
  // the `timeout` option) fires 'timeout' after 300 ms without activity. It is not an error:
  // the application must destroy the socket itself.
  const impatient = net.connect({ host: BLACK_HOLE, port: 80, timeout: 300 });
  impatient.on('timeout', () => {
    console.log('client: application timer fired after 300 ms, connect abandoned (no errno from the kernel)');
    impatient.destroy();
  });
  impatient.on('error', (err: NodeJS.ErrnoException) => {
    console.log(`client: timed connect failed ${err.code} (syscall ${err.syscall})`);
  });

  // 3. No application timer: the kernel retransmits the SYN, then connect() fails ETIMEDOUT.
  const patient = net.connect({ host: BLACK_HOLE, port: 80 });
  patient.on('connect', () => console.log('client: connected through the black hole (unexpected)'));
  patient.on('error', (err: NodeJS.ErrnoException) => {
    console.log(`client: connect failed ${err.code} (syscall ${err.syscall})`);
  });
}
