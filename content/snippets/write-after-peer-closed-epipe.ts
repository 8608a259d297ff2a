// The server closes its socket normally (FIN). The client keeps writing: the first write is
// accepted, the server's kernel answers it with RST, and the next write fails with EPIPE.
// Run: node write-after-peer-closed-epipe.ts   (Node >= 22.18, no install)
import net from 'node:net';

setTimeout(() => {
  console.log('gave up: nothing happened within 8 s');
  process.exit(1);
}, 8000).unref();

const server = net.createServer((conn) => {
  console.log('server: accepted, closes at once (sends FIN)');
  conn.destroy();
  server.close();
});

server.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as net.AddressInfo;
  // allowHalfOpen: after reading EOF the client may still write, as a careless client would.
  const client = net.connect({ host: '127.0.0.1', port, allowHalfOpen: true });
  client.on('data', () => {});
  client.on('end', () => {
    console.log('client: read end-of-file (peer sent FIN)');
    client.write('first', (err) => {
      if (err) return;
      console.log('client: first write accepted by the kernel');
      // The peer's kernel has answered that segment with RST by now (loopback is synchronous).
      client.write('second', () => {});
    });
  });
  client.on('error', (err: NodeJS.ErrnoException) => {
    console.log(`client: write failed ${err.code} (syscall ${err.syscall})`);
  });
});
