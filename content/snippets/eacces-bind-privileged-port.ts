// An unprivileged process listens on port 80 and bind() fails with EACCES: ports below
// net.ipv4.ip_unprivileged_port_start (1024 by default) need CAP_NET_BIND_SERVICE. Root binds
// them; lowering the sysctl lets everyone. The sysctl belongs to a network namespace, so the
// snippet changes it only in a fresh network namespace of its own (unshare --net), never the
// host's. The unprivileged process is a child in a nested user namespace without a mapping.
// Run: node eacces-bind-privileged-port.ts   (Node >= 22.18, Linux, as root; needs unshare)
import fs from 'node:fs';
import net from 'node:net';
import { spawnSync } from 'node:child_process';

const SYSCTL = '/proc/sys/net/ipv4/ip_unprivileged_port_start';

// Listens on 0.0.0.0:port (a fresh namespace has no other address up), reports, closes.
function tryListen(who: string, port: number): Promise<void> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', (err: NodeJS.ErrnoException) => {
      console.log(`${who}: listen on port ${port} failed ${err.code} (syscall ${err.syscall})`);
      console.log(`${who}: message: ${err.message}`);
      resolve();
    });
    server.listen(port, '0.0.0.0', () => {
      console.log(`${who}: listening on port ${port}`);
      server.close(() => resolve());
    });
  });
}

// Runs this file again as an unprivileged child (uid 65534, no capabilities in this network
// namespace) and passes its output on.
function asUnprivileged(port: number): void {
  const r = spawnSync('unshare', ['--user', process.execPath, import.meta.filename, 'listen', String(port)], {
    encoding: 'utf8',
    timeout: 8000,
  });
  process.stdout.write(r.stdout);
  if (r.status !== 0) console.log(`unprivileged child failed: ${r.error?.message ?? r.stderr.trim()}`);
}

const role = process.argv[2];
if (role === 'listen') {
  await tryListen(`uid ${process.getuid!()} (unprivileged)`, Number(process.argv[3]));
} else if (role === 'in-netns') {
  console.log(`new network namespace: ip_unprivileged_port_start = ${fs.readFileSync(SYSCTL, 'utf8').trim()}`);
  asUnprivileged(80);
  asUnprivileged(8080);
  await tryListen(`uid ${process.getuid!()} (root)`, 80);
  fs.writeFileSync(SYSCTL, '80\n');
  console.log(`set ip_unprivileged_port_start = ${fs.readFileSync(SYSCTL, 'utf8').trim()} (this namespace only)`);
  asUnprivileged(80);
} else {
  const r = spawnSync('unshare', ['--net', process.execPath, import.meta.filename, 'in-netns'], {
    encoding: 'utf8',
    timeout: 10000,
  });
  process.stdout.write(r.stdout);
  if (r.status !== 0) console.log(`could not make a network namespace: ${r.error?.message ?? r.stderr.trim()}`);
}
