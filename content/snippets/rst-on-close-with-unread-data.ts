// A server closes a connection while bytes it never read sit in its receive buffer.
// Linux then sends RST instead of FIN (RFC 2525 section 2.17), and the client's read fails.
// Run: node rst-on-close-with-unread-data.ts   (Node >= 22.18, no install)
import net from 'node:net';

setTimeout(() => {
  console.log('gave up: nothing happened within 8 s');
  process.exit(1);
}, 8000).unref();

// pauseOnConnect: the server never reads, so the request stays unread in the kernel.
const server = net.createServer({ pauseOnConnect: true }, (conn) => {
  console.log('server: accepted, will not read the request');
  server.close();
  conn.on('error', () => {});
  client.write('GET / HTTP/1.1\r\n\r\n', () => {
    // On loopback the bytes reach the server's receive queue before write() returns.
    console.log('client: request written');
    console.log('server: closes the socket with unread data');
    conn.destroy();
  });
});

let client: net.Socket;
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as net.AddressInfo;
  client = net.connect({ host: '127.0.0.1', port });
  client.on('data', (chunk) => console.log(`client: received ${chunk.length} bytes`));
  client.on('end', () => console.log('client: read end-of-file (peer sent FIN)'));
  client.on('error', (err: NodeJS.ErrnoException) => {
    console.log(`client: read failed ${err.code} (syscall ${err.syscall})`);
  });
  client.on('close', () => console.log('client: socket closed'));
});
