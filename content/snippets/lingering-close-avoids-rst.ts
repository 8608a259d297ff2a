// The fix for an early answer during an upload: a lingering close. The server sends its 413,
// shuts down only its sending side (FIN), then keeps reading and throwing away what the client
// still sends, until the client closes or a time limit passes; only then does it close.
// Nothing is left unread, so no RST: the client gets the whole response and a clean
// end-of-file. nginx (lingering_close) and Apache (ap_lingering_close) close this way.
// Run: node lingering-close-avoids-rst.ts   (Node >= 22.18, no install)
import net from 'node:net';

setTimeout(() => {
  console.log('gave up: nothing happened within 8 s');
  process.exit(1);
}, 8000).unref();

const CHUNKS = 128;
const CHUNK = Buffer.alloc(64 * 1024, 'x'); // 128 x 64 KiB = 8 MiB, far more than socket buffers hold
const LINGER_MS = 1000; // upper bound on draining, like nginx's lingering_time (30 s there)

const closed = { client: false, server: false };
let clientError = false;
// Both 'close' events come from the same teardown; report them together in a fixed order.
function onClosed(side: 'client' | 'server'): void {
  closed[side] = true;
  if (!closed.client || !closed.server) return;
  console.log(`client: socket closed ${clientError ? 'with an error' : 'without error'}`);
  console.log('server: socket closed, no RST was sent');
}

// Same start as the early-response scenario: the server reads nothing before answering.
// allowHalfOpen: after end() the server must keep its reading side open to drain.
let conn: net.Socket | undefined;
let requestArrived = false;
const server = net.createServer({ pauseOnConnect: true, allowHalfOpen: true }, (c) => {
  server.close();
  conn = c;
  conn.on('error', (err: NodeJS.ErrnoException) => {
    console.log(`server: ${err.syscall} failed ${err.code} (syscall ${err.syscall})`);
  });
  conn.on('close', () => onClosed('server'));
  respondWhenReady();
});

function respondWhenReady(): void {
  if (!conn || !requestArrived) return;
  const c = conn;
  setImmediate(() => {
    console.log('server: sends 413, shuts down its sending side (FIN), drains the request');
    // end() = write the response, then shutdown(SHUT_WR): a FIN, but the socket stays open.
    c.end('HTTP/1.1 413 Content Too Large\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    // Read and discard whatever the client still sends, so nothing is left unread at close.
    c.on('data', () => {});
    c.resume();
    const limit = setTimeout(() => {
      console.log('server: lingering time is over, closes anyway');
      c.destroy();
    }, LINGER_MS);
    c.on('end', () => {
      clearTimeout(limit);
      console.log('server: read end-of-file from the client, now closes');
      c.destroy();
    });
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
  // The client has its answer: it stops uploading and closes. Destroying drops the body still
  // queued in Node; bytes already in the kernel are sent, then a FIN.
  client.on('end', () => {
    console.log('client: read end-of-file (peer sent FIN), stops uploading and closes');
    client.destroy();
  });
  client.on('error', (err: NodeJS.ErrnoException) => {
    clientError = true;
    console.log(`client: ${err.syscall} failed ${err.code} (syscall ${err.syscall})`);
  });
  client.on('close', () => {
    console.log(`client: upload ${written === CHUNKS ? 'complete' : 'stopped early'}`);
    onClosed('client');
  });
});
