// A server runs out of file descriptors (EMFILE, "Too many open files") while clients keep
// connecting. accept() then fails with EMFILE; libuv, under Node, answers with its reserve-fd
// trick: it frees a spare descriptor, accepts the waiting connections and closes them at once.
// The server sees no event at all; the client sees its connection closed.
// Run: node emfile-too-many-open-files.ts   (Node >= 22.18, Linux or macOS, no install)
import net from 'node:net';
import fs from 'node:fs';
import readline from 'node:readline';
import { spawn } from 'node:child_process';
import { once } from 'node:events';

const role = process.argv[2];

if (role === 'server') {
  // Runs under `ulimit -n 64`. Talks to the parent over stdin/stdout, one command a line.
  let connections = 0;
  let errors: string[] = [];
  const server = net.createServer((conn) => {
    connections++;
    conn.end();
  });
  server.on('error', (err: NodeJS.ErrnoException) => {
    errors.push(`server: accept failed ${err.code} (syscall ${err.syscall})`);
  });
  const fillers: number[] = [];
  const commands = readline.createInterface({ input: process.stdin });
  commands.on('line', (cmd) => {
    if (cmd === 'fill') {
      // Use up every descriptor the limit allows (bounded: the limit is 64).
      for (let i = 0; i < 100; i++) {
        try {
          fillers.push(fs.openSync('/dev/null', 'r'));
        } catch (err) {
          const e = err as NodeJS.ErrnoException;
          console.log(`server: opened files until open failed ${e.code} (syscall ${e.syscall})`);
          break;
        }
      }
    } else if (cmd === 'free') {
      for (const fd of fillers.splice(0)) fs.closeSync(fd);
      console.log('server: closed those files again');
    } else if (cmd === 'status') {
      console.log(`server: 'connection' events so far: ${connections}`);
      for (const line of errors) console.log(line);
      if (errors.length === 0) console.log("server: no 'error' event");
      errors = [];
    } else if (cmd === 'exit') {
      process.exit(0);
    }
    console.log('ok');
  });
  server.listen(0, '127.0.0.1', () => {
    console.log(`port ${(server.address() as net.AddressInfo).port}`);
  });
} else {
  setTimeout(() => {
    console.log('gave up: nothing happened within 8 s');
    child.kill();
    process.exit(1);
  }, 8000).unref();

  // Node cannot change its own RLIMIT_NOFILE, so run the server under a shell's ulimit.
  const child = spawn('/bin/sh', ['-c', 'ulimit -n 64 && exec "$0" "$1" server', process.execPath, import.meta.filename], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const replies = readline.createInterface({ input: child.stdout! });
  const pending: string[] = [];
  let wake: (() => void) | null = null;
  replies.on('line', (line) => {
    pending.push(line);
    wake?.();
  });
  // Returns the next line from the server process, waiting for it if needed.
  async function nextLine(): Promise<string> {
    while (pending.length === 0) await new Promise<void>((resolve) => (wake = resolve));
    return pending.shift()!;
  }
  // Sends a command and prints what the server reports, up to its "ok".
  async function ask(cmd: string): Promise<void> {
    child.stdin!.write(`${cmd}\n`);
    for (let line = await nextLine(); line !== 'ok'; line = await nextLine()) console.log(line);
  }
  // Connects once and reports how the connection ends, printed after it ended.
  async function tryClient(name: string, port: number): Promise<void> {
    const client = net.connect({ host: '127.0.0.1', port });
    const seen: string[] = [];
    client.on('connect', () => seen.push(`${name}: connected (the kernel completed the handshake)`));
    client.on('data', () => {});
    client.on('end', () => seen.push(`${name}: read end-of-file (the server closed it)`));
    client.on('error', (err: NodeJS.ErrnoException) => seen.push(`${name}: failed ${err.code} (syscall ${err.syscall})`));
    await once(client, 'close');
    for (const line of seen) console.log(line);
  }

  const port = Number((await nextLine()).split(' ')[1]);
  console.log('server: listening, with at most 64 open files (ulimit -n 64)');
  await ask('fill');
  await tryClient('client 1', port);
  await ask('status');
  await ask('free');
  await tryClient('client 2', port);
  await ask('status');
  child.stdin!.write('exit\n');
  await once(child, 'exit');
}
