// The server reads the whole request, then closes normally (FIN) without answering.
// Part 1: a raw TCP client waiting for the response simply reads end-of-file: no errno at all.
// Part 2: Node's HTTP client on the same kind of close reports ECONNRESET "socket hang up",
// even though its socket saw a FIN and no RST ever crossed the wire.
// Run: node orderly-close-read-eof.ts   (Node >= 22.18, no install)
import net from 'node:net';
import http from 'node:http';

setTimeout(() => {
  console.log('gave up: nothing happened within 8 s');
  process.exit(1);
}, 8000).unref();

// A server that reads the request head completely (so nothing is left unread, and its close
// is a FIN, not a RST: RFC 2525 section 2.17) and then closes without sending a byte.
const server = net.createServer((conn) => {
  let head = '';
  conn.setEncoding('utf8');
  conn.on('error', () => {});
  conn.on('data', (chunk: string) => {
    head += chunk;
    if (!head.includes('\r\n\r\n')) return;
    console.log('server: read the whole request, closes without answering (FIN)');
    conn.destroy();
  });
});

function rawClient(port: number, next: () => void): void {
  const client = net.connect({ host: '127.0.0.1', port }, () => {
    client.write('GET / HTTP/1.1\r\nHost: localhost\r\n\r\n');
  });
  client.on('data', (chunk) => console.log(`client (net): received ${chunk.length} bytes`));
  client.on('end', () =>
    console.log('client (net): read end-of-file before any response (peer sent FIN)'),
  );
  client.on('error', (err: NodeJS.ErrnoException) => {
    console.log(`client (net): read failed ${err.code} (syscall ${err.syscall})`);
  });
  client.on('close', (hadError) => {
    console.log(`client (net): socket closed ${hadError ? 'with an error' : 'without error'}`);
    next();
  });
}

function httpClient(port: number, next: () => void): void {
  // agent: false: a fresh connection, so no keep-alive reuse is involved.
  const req = http.request({ host: '127.0.0.1', port, path: '/', agent: false });
  let sawFin = false;
  req.on('socket', (socket) => {
    // prepend: run before the http client's own 'end' handler, which raises the error.
    socket.prependListener('end', () => (sawFin = true));
    socket.on('close', () => next());
  });
  req.on('response', () => console.log('client (http): got a response'));
  req.on('error', (err: NodeJS.ErrnoException) => {
    // Node's http client turns any end of the connection before a response into this error
    // (lib/_http_client.js, socketOnEnd/socketCloseListener): the code does not mean a RST.
    const wire = sawFin ? 'although the server sent FIN, not RST' : 'and no FIN was seen';
    console.log(`client (http): request failed ${err.code} (${err.message}) ${wire}`);
  });
  req.end();
}

server.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as net.AddressInfo;
  rawClient(port, () => httpClient(port, () => server.close()));
});
