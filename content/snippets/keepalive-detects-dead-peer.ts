// The server's host vanishes without a word (its link goes down: no FIN, no RST). The idle
// client would wait forever; TCP keepalive probes go unanswered and the kernel ends the
// connection: the pending read fails with ETIMEDOUT.
// Needs root: it builds three private network namespaces (client, router, server) and removes
// them when it ends.
// Run: sudo node keepalive-detects-dead-peer.ts   (Linux, Node >= 22.18, no install)
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
      // The server's machine disappears: its interface goes down, so packets for it vanish
      // and it can never answer (like a powered-off host or a pulled cable). Nothing is sent.
      ip([`link set eks${tag} down`], ns.server);
      console.log('network: the server host drops off the network (no FIN, no RST)');
      client.stdin!.write('go\n');
  });
  client.on('exit', (code) => {
    server.kill('SIGKILL');
    process.exitCode = code ?? 1;
  });
}

// ---- the server, in its namespace: echoes one message, then stays silent ----
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

  // Per-namespace keepalive settings (tcp(7)): first probe after 1 s idle, then one probe a
  // second, give up after 1 unanswered probe. Host defaults are 7200 s, 75 s and 9 probes.
  writeFileSync('/proc/sys/net/ipv4/tcp_keepalive_time', '1');
  writeFileSync('/proc/sys/net/ipv4/tcp_keepalive_intvl', '1');
  writeFileSync('/proc/sys/net/ipv4/tcp_keepalive_probes', '1');

  // Orders from the orchestrator, one a line: 'start' (the server listens), then 'go'.
  const orders = readline.createInterface({ input: process.stdin });
  orders.once('line', () => connect(orders));
}

function connect(orders: readline.Interface): void {
  const client = net.connect({ host: SERVER, port: PORT }, () => client.write('ping'));
  client.once('data', () => {
    console.log('client: connected, got an answer, now idle and waiting to read');
    console.log('@idle');
    orders.once('line', () => {
      // No delay argument: libuv then sets only SO_KEEPALIVE, so the namespace's sysctls
      // apply. With a delay it also forces TCP_KEEPINTVL=1 and TCP_KEEPCNT=10 (about 10 s more).
      client.setKeepAlive(true);
      console.log('client: keepalive on, probing the silent peer');
    });
  });
  client.on('error', (err: NodeJS.ErrnoException) => {
    console.log(`client: read failed ${err.code} (syscall ${err.syscall})`);
  });
  client.on('close', () => process.exit(0));
}
