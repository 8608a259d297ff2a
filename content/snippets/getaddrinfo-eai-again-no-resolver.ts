// Look up a host name when the configured name server does not answer: first nothing listens
// on its port, then a server takes the queries and never replies. Both times getaddrinfo()
// returns EAI_AGAIN ("Temporary failure in name resolution") and Node.js reports EAI_AGAIN.
// Run: node getaddrinfo-eai-again-no-resolver.ts   (Node >= 22.18, Linux with util-linux, no install)
//
// The lookups run in a child with its own mount namespace, where private copies of /etc/hosts,
// /etc/resolv.conf and /etc/nsswitch.conf are bind-mounted over the real ones, in a network
// with nothing but loopback, where the only name server is 127.0.0.1. No real DNS server is
// asked, and your machine's files are untouched (the mounts vanish with the child).
import { execFile, spawnSync } from 'node:child_process';
import dgram from 'node:dgram';
import http from 'node:http';
import { mkdtempSync, rmSync, writeFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { networkInterfaces, tmpdir } from 'node:os';

const HOST = 'registry.npmjs.org';

if (process.argv[2] === 'inside') inside();
else outside();

/** Writes the three files, then re-runs this program inside fresh namespaces that use them. */
function outside(): void {
  const dir = mkdtempSync(join(tmpdir(), 'resolver-'));
  writeFileSync(join(dir, 'hosts'), '127.0.0.1 localhost\n::1 localhost\n');
  writeFileSync(join(dir, 'nsswitch.conf'), 'hosts: files dns\n');
  // One name server, one try, one second each: the defaults (5 s, 2 tries) only make it slower.
  writeFileSync(join(dir, 'resolv.conf'), 'nameserver 127.0.0.1\noptions timeout:1 attempts:1\n');
  const binds = ['hosts', 'nsswitch.conf', 'resolv.conf'].map((f) => `mount --bind ${dir}/${f} /etc/${f}`).join(' && ');
  // Root in a network of its own (nothing but the loopback interface, as in the verifier's run)
  // keeps that network, so the run's kernel counters see the lookup; anyone else gets a new
  // network namespace, and a user who is not root first becomes root in a new user namespace.
  const root = process.getuid?.() === 0;
  const ownNetwork = root && Object.keys(networkInterfaces()).every((name) => name === 'lo');
  const flags = root ? ['--mount'] : ['--user', '--map-root-user', '--mount'];
  if (!ownNetwork) flags.push('--net');
  const setup = `${ownNetwork ? '' : 'ip link set lo up && '}${binds}`;
  const child = spawnSync('unshare', [...flags, '--', 'sh', '-c', `${setup} && exec "$0" "$1" inside`, process.execPath, process.argv[1]], {
    stdio: ['ignore', 'inherit', 'inherit'],
    timeout: 12_000,
  });
  rmSync(dir, { recursive: true, force: true });
  if (child.error || child.status !== 0) {
    console.log(`could not run the lookup in its own namespaces: ${child.error?.message ?? `exit status ${child.status}`}`);
    process.exitCode = 1;
  }
}

/** In the namespaces: a lookup with no name server at all, then one with a silent name server. */
function inside(): void {
  setTimeout(() => {
    console.log('gave up: nothing happened within 8 s');
    process.exit(1);
  }, 8000).unref();

  console.log('resolv.conf: nameserver 127.0.0.1, and nothing listens on its port 53');
  const before = udpNoPorts();
  lookup('first lookup', () => {
    // Each query to the closed port came back as ICMP "port unreachable", counted here.
    console.log(`kernel: queries that found no socket on their UDP port: ${udpNoPorts() > before ? 'some' : 'none'}`);
    python(() => silentServer());
  });
}

/** A name server that reads every query and answers none. */
function silentServer(): void {
  const asked = new Set<string>();
  const server = dgram.createSocket('udp4');
  server.on('message', (query) => {
    const name = questionName(query);
    if (!asked.has(name)) console.log(`dns server: query for ${name} received, not answering`);
    asked.add(name);
  });
  server.bind(53, '127.0.0.1', () => {
    console.log('dns server: now listening on 127.0.0.1:53');
    const started = Date.now();
    lookup('second lookup', () => {
      // resolv.conf's timeout:1 is the least the resolver waits for a reply before giving up.
      console.log(`client: it gave up after ${Date.now() - started >= 900 ? 'at least' : 'less than'} the 1 s timeout`);
      server.close();
    });
  });
}

function lookup(what: string, done: () => void): void {
  const req = http.get(`http://${HOST}/`);
  req.on('response', () => console.log(`client: ${what}: got a response (the name resolved)`));
  req.on('error', (err: NodeJS.ErrnoException) => {
    console.log(`client: ${what}: request failed ${err.code} (errno ${err.errno}, syscall ${err.syscall})`);
    console.log(`client: ${err.message}`);
    done();
  });
}

/** Udp NoPorts of this network namespace (/proc/net/snmp): datagrams for a port no socket has. */
function udpNoPorts(): number {
  const lines = readFileSync('/proc/net/snmp', 'utf8').split('\n').filter((l) => l.startsWith('Udp: '));
  const [names, values] = lines.map((l) => l.split(/\s+/));
  return Number(values[names.indexOf('NoPorts')]);
}

/** The same lookup from Python, when it is installed: socket.gaierror with glibc's own code. */
function python(done: () => void): void {
  const python3 = ['/usr/bin/python3', '/usr/local/bin/python3'].find((p) => existsSync(p));
  if (!python3) {
    console.log('python: python3 is not installed, skipped');
    done();
    return;
  }
  const code = `import socket\ntry:\n    socket.getaddrinfo("${HOST}", 443)\nexcept socket.gaierror as e:\n    print("python: socket.gaierror:", e)`;
  execFile(python3, ['-c', code], { encoding: 'utf8', timeout: 6000 }, (_err, stdout) => {
    process.stdout.write(stdout || 'python: no output\n');
    done();
  });
}

/** The dotted name in a DNS query's question section (RFC 1035 4.1.2). */
function questionName(query: Buffer): string {
  const labels: string[] = [];
  for (let i = 12; i < query.length && query[i] !== 0; i += query[i] + 1) labels.push(query.subarray(i + 1, i + 1 + query[i]).toString('latin1'));
  return labels.join('.');
}
