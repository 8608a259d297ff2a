// A read on a non-blocking socket that has no data waiting fails at once with EAGAIN
// ("Resource temporarily unavailable") instead of waiting. Node's event loop hides this;
// here we call read() ourselves on the descriptor that libuv made non-blocking.
// Run: node nonblocking-read-with-no-data.ts   (Node >= 22.18, Linux or macOS, no install)
import net from 'node:net';
import fs from 'node:fs';

setTimeout(() => {
  console.log('gave up: nothing happened within 8 s');
  process.exit(1);
}, 8000).unref();

const buf = Buffer.alloc(64);

function describe(err: NodeJS.ErrnoException): string {
  return `read failed ${err.code} (syscall ${err.syscall})`;
}

// pauseOnConnect: Node never reads this socket, so every read() below is our own.
const server = net.createServer({ pauseOnConnect: true }, (conn) => {
  server.close();
  // libuv put O_NONBLOCK on every socket it owns; _handle.fd is the raw descriptor (Unix only).
  const fd = (conn as unknown as { _handle: { fd: number } })._handle.fd;
  console.log('server: accepted, the client has sent nothing yet');
  try {
    const n = fs.readSync(fd, buf);
    console.log(`server: read returned ${n} bytes (unexpected: it should not wait or succeed)`);
  } catch (err) {
    // recv(2): EAGAIN or EWOULDBLOCK, "the socket is marked nonblocking and the receive
    // operation would block". On Linux both names are errno 11.
    console.log(`server: ${describe(err as NodeJS.ErrnoException)}`);
  }
  client.write('hello', () => {
    console.log('client: wrote 5 bytes');
    readWhenReady(fd, 100, conn);
  });
});

// The bytes normally land in the receive queue before write() returns on loopback; if they
// do not, try again a little later (bounded) instead of guessing with one long sleep.
function readWhenReady(fd: number, triesLeft: number, conn: net.Socket): void {
  try {
    const n = fs.readSync(fd, buf);
    console.log(`server: read returned ${n} bytes: ${buf.toString('latin1', 0, n)}`);
    conn.destroy();
    client.destroy();
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    if (e.code === 'EAGAIN' && triesLeft > 0) {
      setTimeout(() => readWhenReady(fd, triesLeft - 1, conn), 10);
      return;
    }
    console.log(`server: ${describe(e)}`);
    process.exit(1);
  }
}

let client: net.Socket;
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as net.AddressInfo;
  client = net.connect({ host: '127.0.0.1', port });
  client.on('error', (err: NodeJS.ErrnoException) => {
    console.log(`client: failed ${err.code} (syscall ${err.syscall})`);
  });
});
