// A connection sits idle behind a stateful middlebox (NAT, firewall, load balancer). The box's
// idle timer expires and it forgets the connection; from then on it drops the connection's
// packets silently. Neither end is told. The client's next request is accepted by its kernel,
// retransmitted unanswered, and the connection ends with ETIMEDOUT.
// Needs root: it builds three private network namespaces (client, middlebox, server) and
// removes them when it ends.
// Run: sudo node idle-connection-killed-by-middlebox.ts   (Linux, Node >= 22.18, no install)
import net from 'node:net';
import readline from 'node:readline';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';

const SERVER = '10.77.2.1';
const PORT = 7000;

const role = process.argv[2];
if (role === 'server') runServer();
else if (role === 'client') runClient();
else runParent();

// Runs iproute2 commands in one process: `ip -batch -` reads one command a line and `-n NS`
// applies them inside a namespace. One process instead of twenty keeps the set-up fast.
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

// ---- the orchestrator, in the host's namespace ----
function runParent(): void {
  if (process.getuid?.() !== 0) {
    // A skipped run must not look like a pass: 77 is the status test suites use for "skipped".
    console.log('skipped: this scenario needs root to create network namespaces (exit status 77)');
    process.exitCode = 77;
    return;
  }
  if (reexecWithPrivateNames()) return;
  const tag = String(process.pid);
  const ns = { client: `errno-kb-${tag}-c`, router: `errno-kb-${tag}-r`, server: `errno-kb-${tag}-s` };
  const children: ChildProcess[] = [];
  let cleaned = false;
  const cleanup = () => {
    if (cleaned) return;
    cleaned = true;
    // Kill the children first: a namespace lives on while a process is still inside it.
    for (const child of children) child.kill('SIGKILL');
    ip(Object.values(ns).map((name) => `netns delete ${name}`), undefined, true);
  };
  process.on('exit', cleanup);
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(sig, () => process.exit(1));
  setTimeout(() => {
    console.log('gave up: nothing happened within 12 s');
    process.exit(1); // the exit handler removes the namespaces
  }, 12000).unref();

  try {
    ip([
      ...Object.values(ns).map((name) => `netns add ${name}`),
      `link add ekc${tag} netns ${ns.client} type veth peer name ekr${tag} netns ${ns.router}`,
      `link add eks${tag} netns ${ns.server} type veth peer name ekq${tag} netns ${ns.router}`,
      `netns exec ${ns.router} sysctl -qw net.ipv4.ip_forward=1`,
    ]);
    ip(['link set lo up', `addr add 10.77.1.1/24 dev ekc${tag}`, `link set ekc${tag} up`, 'route add default via 10.77.1.254'], ns.client);
    ip(['link set lo up', `addr add 10.77.1.254/24 dev ekr${tag}`, `addr add 10.77.2.254/24 dev ekq${tag}`, `link set ekr${tag} up`, `link set ekq${tag} up`], ns.router);
    ip(['link set lo up', `addr add ${SERVER}/24 dev eks${tag}`, `link set eks${tag} up`, 'route add default via 10.77.2.254'], ns.server);
  } catch (err) {
    console.log(`gave up: could not build the namespaces (${(err as Error).message.trim()})`);
    process.exit(1);
  }

  // Starts `node <this file> <role>` inside a namespace; lines starting with @ are control
  // messages, the others are observations and are printed in the order they arrive.
  const start = (name: string, childRole: string, onControl: (msg: string) => void) => {
    const child = spawn('ip', ['netns', 'exec', name, process.execPath, import.meta.filename, childRole], {
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    children.push(child);
    readline.createInterface({ input: child.stdout! }).on('line', (line) => {
      if (line.startsWith('@')) onControl(line.slice(1));
      else console.log(line);
    });
    return child;
  };

  // Both start at once (Node's start-up is the slow part); the client connects on 'start'.
  const server = start(ns.server, 'server', () => client.stdin!.write('start\n'));
  const client = start(ns.client, 'client', (msg) => {
      if (msg !== 'idle') return;
      // The middlebox's idle timer "expires": it forgets the flow and from now on discards its
      // packets. A blackhole route drops forwarded packets with no RST and no ICMP, which is
      // what a NAT or firewall does with packets of a flow it no longer knows.
      ip([`route add blackhole ${SERVER}/32`], ns.router);
      console.log('middlebox: idle timeout, forgets the connection and drops its packets from now on');
      client.stdin!.write('go\n');
  });
  client.on('exit', (code) => {
    server.kill('SIGKILL');
    process.exitCode = code ?? 1;
  });
}

// ---- the server, in its namespace: echoes every message ----
function runServer(): void {
  setTimeout(() => process.exit(1), 12000).unref();
  process.stdin.on('end', () => process.exit(0)); // the orchestrator went away
  process.stdin.resume();
  const server = net.createServer((conn) => {
    conn.on('data', (d) => conn.write(d));
    conn.on('error', () => {});
  });
  server.listen(PORT, SERVER, () => console.log('@ready'));
}

// ---- the client, in its namespace ----
function runClient(): void {
  setTimeout(() => {
    console.log('gave up: nothing happened within 11.5 s');
    process.exit(1);
  }, 11500).unref();

  // Per-namespace settings, to keep the run short. tcp_retries2=1 gives up on unacknowledged
  // data after one retransmission round; the default 15 keeps retransmitting for about 15
  // minutes (tcp(7)). tcp_rto_min_us=20000 (Linux >= 6.11) lowers the 200 ms minimum
  // retransmission timeout; on older kernels it is missing and the run takes about 1 s longer.
  writeFileSync('/proc/sys/net/ipv4/tcp_retries2', '1');
  try {
    writeFileSync('/proc/sys/net/ipv4/tcp_rto_min_us', '20000');
  } catch {
    // Older kernel: the default minimum applies.
  }

  // Orders from the orchestrator, one a line: 'start' (the server listens), then 'go'.
  const orders = readline.createInterface({ input: process.stdin });
  orders.once('line', () => connect(orders));
}

function connect(orders: readline.Interface): void {
  const client = net.connect({ host: SERVER, port: PORT }, () => client.write('ping'));
  client.once('data', () => {
    console.log('client: first request answered, connection now idle');
    console.log('@idle');
    orders.once('line', () => {
      client.on('data', () => console.log('client: second request answered (unexpected)'));
      client.write('second request', (err) => {
        // Success here only means the bytes are in the local send buffer (write(2)).
        if (!err) console.log('client: second request accepted by the local kernel');
      });
    });
  });
  client.on('error', (err: NodeJS.ErrnoException) => {
    console.log(`client: read failed ${err.code} (syscall ${err.syscall})`);
  });
  client.on('close', () => process.exit(0));
}
