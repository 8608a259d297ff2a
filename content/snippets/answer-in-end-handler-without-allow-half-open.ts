// A Node.js server created without allowHalfOpen reads the client's FIN. Can it still answer?
// A write made right away, inside the 'end' handler, goes out: Node ends the socket only on the
// next tick, after the handler. A write made later fails.
// Run: node answer-in-end-handler-without-allow-half-open.ts   (Node >= 22.18, no install)
import net from 'node:net';

setTimeout(() => {
  console.log('gave up: nothing happened within 8 s');
  process.exit(1);
}, 8000).unref();

// allowHalfOpen is false by default: after 'end', Node calls end() on the socket itself.
const server = net.createServer((conn) => {
  server.close();
  conn.on('data', () => {});
  conn.on('end', () => {
    console.log("server: read end-of-file; writes the answer inside the 'end' handler");
    conn.write('answer\n');
    setTimeout(() => {
      conn.write('too late\n', (err) => {
        const e = err as NodeJS.ErrnoException | null | undefined;
        console.log(e ? `server: a write 200 ms later fails ${e.code} (${e.message})` : 'server: a write 200 ms later succeeded');
      });
    }, 200);
  });
  conn.on('error', () => {});
});

server.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as net.AddressInfo;
  // The client half-closes after its request and keeps reading (it needs allowHalfOpen itself).
  const client = net.connect({ host: '127.0.0.1', port, allowHalfOpen: true }, () => {
    client.end('request\n', () => console.log('client: sent the request and half-closed (FIN)'));
  });
  client.on('data', (chunk) => console.log(`client: received ${JSON.stringify(chunk.toString())}`));
  client.on('end', () => console.log('client: read end-of-file (the server closed its side)'));
  client.on('error', (err: NodeJS.ErrnoException) => console.log(`client: failed ${err.code}`));
});
