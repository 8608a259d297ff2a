// The side that closes a TCP connection first keeps it in TIME_WAIT (60 s on Linux).
// A listener with SO_REUSEADDR (Node sets it) may listen again on a port that TIME_WAIT
// connections still use; a client that binds the local port of a TIME_WAIT connection fails.
// Run: node time-wait-and-reuseaddr.ts   (Node >= 22.18, no install; TIME_WAIT check is Linux only)
import net from 'node:net';
import fs from 'node:fs';
import { once } from 'node:events';

setTimeout(() => {
  console.log('gave up: nothing happened within 8 s');
  process.exit(1);
}, 8000).unref();

// Counts TIME_WAIT entries (state 06) whose local port is `port`, from /proc/net/tcp.
function timeWaitOnLocalPort(port: number): string {
  let table: string;
  try {
    table = fs.readFileSync('/proc/net/tcp', 'utf8');
  } catch {
    return 'cannot be checked on this system';
  }
  const hexPort = port.toString(16).toUpperCase().padStart(4, '0');
  const found = table
    .split('\n')
    .slice(1)
    .some((line) => {
      const fields = line.trim().split(/\s+/);
      return fields[3] === '06' && fields[1]?.endsWith(`:${hexPort}`);
    });
  return found ? 'is in TIME_WAIT' : 'is NOT in TIME_WAIT';
}

// Opens one connection to `port`; `closer` sends its FIN first, the other side answers with
// its own FIN when it reads end-of-file. Resolves once both sides have fully closed, so the
// last ACK has been processed (loopback delivers it synchronously).
async function connectAndClose(server: net.Server, port: number, closer: 'server' | 'client'): Promise<number> {
  const accepted = once(server, 'connection') as Promise<[net.Socket]>;
  const client = net.connect({ host: '127.0.0.1', port });
  await once(client, 'connect');
  const [conn] = await accepted;
  const localPort = client.localPort!;
  for (const s of [client, conn]) {
    s.resume();
    s.on('end', () => s.end());
  }
  (closer === 'server' ? conn : client).end();
  await Promise.all([once(client, 'close'), once(conn, 'close')]);
  return localPort;
}

// Part 1: the server closes first, so the TIME_WAIT entry holds the server's port.
const server1 = net.createServer();
server1.listen(0, '127.0.0.1');
await once(server1, 'listening');
const port = (server1.address() as net.AddressInfo).port;
await connectAndClose(server1, port, 'server');
console.log('server 1: closed its connection first (active close)');
console.log(`kernel: the server side of that connection ${timeWaitOnLocalPort(port)}`);
server1.close();
await once(server1, 'close');
console.log('server 1: stopped listening');

const server2 = net.createServer();
server2.on('error', (err: NodeJS.ErrnoException) => {
  console.log(`server 2: listen failed ${err.code} (syscall ${err.syscall})`);
  process.exit(1);
});
server2.listen(port, '127.0.0.1');
await once(server2, 'listening');
// Only possible because libuv sets SO_REUSEADDR before bind() on Unix (src/unix/tcp.c).
console.log('server 2: listening on the same port despite the TIME_WAIT entry (SO_REUSEADDR)');

// Part 2: the client closes first, so the TIME_WAIT entry holds the client's local port.
const clientPort = await connectAndClose(server2, port, 'client');
console.log('client 1: closed its connection first (active close)');
console.log(`kernel: the client side of that connection ${timeWaitOnLocalPort(clientPort)}`);

// Same local address and port, same destination: the 4-tuple is still taken by TIME_WAIT.
const client2 = net.connect({ host: '127.0.0.1', port, localAddress: '127.0.0.1', localPort: clientPort });
client2.on('connect', () => {
  console.log('client 2: connected from the same local port (TIME_WAIT was reused)');
  client2.destroy();
  server2.close();
});
client2.on('error', (err: NodeJS.ErrnoException) => {
  console.log(`client 2: connect from the same local port failed ${err.code} (syscall ${err.syscall})`);
  server2.close();
});
