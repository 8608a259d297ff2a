// Look up a host name that no source knows: the hosts file lacks it and the (local, fake) DNS
// server answers NXDOMAIN. getaddrinfo() returns EAI_NONAME and Node.js reports ENOTFOUND.
// Run: node getaddrinfo-enotfound-unknown-host.ts   (Node >= 22.18, Linux with util-linux, no install)
//
// The lookup runs in a child with its own mount namespace, where private copies of /etc/hosts,
// /etc/resolv.conf and /etc/nsswitch.conf are bind-mounted over the real ones, in a network
// with nothing but loopback, where the only name server is this program's, on 127.0.0.1:53.
// No real DNS server is asked, and your machine's files are untouched (the mounts vanish with
// the child).
import { execFile, spawnSync } from 'node:child_process';
import dgram from 'node:dgram';
import http from 'node:http';
import { mkdtempSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { networkInterfaces, tmpdir } from 'node:os';

const HOST = 'db.internal.example';

if (process.argv[2] === 'inside') inside();
else outside();

/** Writes the three files, then re-runs this program inside fresh namespaces that use them. */
function outside(): void {
  const dir = mkdtempSync(join(tmpdir(), 'resolver-'));
  writeFileSync(join(dir, 'hosts'), '127.0.0.1 localhost\n::1 localhost\n');
  // The usual line: the hosts file first, then DNS.
  writeFileSync(join(dir, 'nsswitch.conf'), 'hosts: files dns\n');
  writeFileSync(join(dir, 'resolv.conf'), 'nameserver 127.0.0.1\noptions timeout:2 attempts:1\n');
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

/** In the namespaces: a name server that knows no names, then the lookups. */
function inside(): void {
  setTimeout(() => {
    console.log('gave up: nothing happened within 8 s');
    process.exit(1);
  }, 8000).unref();

  const asked = new Set<string>();
  const server = dgram.createSocket('udp4');
  server.on('message', (query, from) => {
    const name = questionName(query);
    if (!asked.has(name)) console.log(`dns server: no such name ${name}, answering NXDOMAIN`);
    asked.add(name);
    server.send(nxdomain(query), from.port, from.address);
  });
  server.bind(53, '127.0.0.1', () => {
    console.log(`hosts file: no line for ${HOST}`);
    const req = http.get(`http://${HOST}/`);
    req.on('response', () => console.log('client: got a response (the name resolved)'));
    req.on('error', (err: NodeJS.ErrnoException) => {
      console.log(`client: request failed ${err.code} (errno ${err.errno}, syscall ${err.syscall})`);
      console.log(`client: ${err.message}`);
      python(() => server.close());
    });
  });
}

/**
 * The same lookup from Python, when it is installed: socket.gaierror with glibc's own code.
 * Asynchronous, so that our name server keeps answering while Python asks it.
 */
function python(done: () => void): void {
  const python3 = ['/usr/bin/python3', '/usr/local/bin/python3'].find((p) => existsSync(p));
  if (!python3) {
    console.log('python: python3 is not installed, skipped');
    done();
    return;
  }
  const code = `import socket\ntry:\n    socket.getaddrinfo("${HOST}", 80)\nexcept socket.gaierror as e:\n    print("python: socket.gaierror:", e)`;
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

/** The query's header and question turned into a reply with RCODE 3 (NXDOMAIN, "name error") and no records (RFC 1035 4.1.1). */
function nxdomain(query: Buffer): Buffer {
  let end = 12;
  while (end < query.length && query[end] !== 0) end += query[end] + 1;
  const reply = Buffer.from(query.subarray(0, end + 5)); // the name's final 0, QTYPE, QCLASS
  reply[2] = 0x80 | (query[2] & 0x79); // QR = response; keep opcode and RD
  reply[3] = 0x80 | 3; // RA, RCODE 3
  reply.writeUInt16BE(0, 6); // ANCOUNT
  reply.writeUInt16BE(0, 8); // NSCOUNT
  reply.writeUInt16BE(0, 10); // ARCOUNT
  return reply;
}
