// An HTTP server rejects an upload with 413 and closes at once, while the client is still
// sending the body. The request bytes left in the server's receive buffer turn its close into
// a RST (RFC 2525 section 2.17, Linux __tcp_close()), and the client's connection fails with
// ECONNRESET: here its pending write is the call that reports it.
// Run: node early-response-while-client-uploads.ts   (Node >= 22.18, no install)
import net from 'node:net';

setTimeout(() => {
  console.log('gave up: nothing happened within 8 s');
  process.exit(1);
}, 8000).unref();

const CHUNKS = 128;
const CHUNK = Buffer.alloc(64 * 1024, 'x'); // 128 x 64 KiB = 8 MiB, far more than socket buffers hold

// The server is written with node:net so that every byte it sends, and the moment it closes,
// are under our control (an HTTP framework might drain or linger on its own). pauseOnConnect:
// it reads nothing at all. A real server would have read the head first; what matters is
// that body bytes are still unread in its receive buffer when it closes.
let conn: net.Socket | undefined;
let requestArrived = false;
const server = net.createServer({ pauseOnConnect: true }, (c) => {
  server.close();
  conn = c;
  conn.on('error', () => {});
  respondWhenReady();
});

// Answer once the connection is accepted and the request is in the server's receive buffer.
function respondWhenReady(): void {
  if (!conn || !requestArrived) return;
  const c = conn;
  // Answer from the check phase, after the current poll round: the client's next wake-up then
  // sees the response and the RST together, so the outcome does not depend on timing.
  setImmediate(() => {
    console.log('server: answers 413 and closes while the request is still unread');
    c.write('HTTP/1.1 413 Content Too Large\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    c.destroy();
  });
}

server.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as net.AddressInfo;
  const client = net.connect({ host: '127.0.0.1', port }, () => {
    const length = CHUNKS * CHUNK.length;
    const head = `POST /upload HTTP/1.1\r\nHost: localhost\r\nContent-Length: ${length}\r\n\r\n`;
    // On loopback the bytes are in the server's receive queue once write() has returned.
    client.write(head, () => {
      requestArrived = true;
      respondWhenReady();
    });
    console.log(
      `client: sent the request head, uploading ${length / 1024 / 1024} MiB in ${CHUNKS} chunks`,
    );
    // Queue the whole body now; Node and the kernel send it as fast as the server reads.
    for (let i = 0; i < CHUNKS; i++) client.write(CHUNK, (err) => void (err || written++));
  });
  let written = 0;
  let response = '';
  client.setEncoding('latin1');
  client.on('data', (chunk: string) => {
    const before = response.includes('\r\n');
    response += chunk;
    if (!before && response.includes('\r\n')) {
      console.log(`client: received "${response.split('\r\n')[0]}"`);
    }
  });
  // No FIN was sent here. The RST makes epoll report a hang-up, and libuv, having just read
  // less than a full buffer, reports end-of-file without another read() (uv__stream_io() in
  // src/unix/stream.c). That read() would have returned ECONNRESET; the write below gets it.
  client.on('end', () =>
    console.log('client: stream ended (libuv treats the hang-up as end-of-file)'),
  );
  client.on('error', (err: NodeJS.ErrnoException) => {
    console.log(`client: ${err.syscall} failed ${err.code} (syscall ${err.syscall})`);
  });
  client.on('close', () => {
    console.log(`client: upload ${written === CHUNKS ? 'complete' : 'cut short'}, socket closed`);
  });
});
