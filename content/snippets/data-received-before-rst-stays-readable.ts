// A server answers, then closes with the request unread, so its kernel sends RST after the
// response. The client has not read yet. Is the response it already received lost?
// On Linux it is not: read() returns the response first, and only the next read() fails.
// Run: node data-received-before-rst-stays-readable.ts   (Node >= 22.18, no install)
import fs from 'node:fs';
import net from 'node:net';

setTimeout(() => {
  console.log('gave up: nothing happened within 8 s');
  process.exit(1);
}, 8000).unref();

const response = 'HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n';

// pauseOnConnect: the server never reads the request, so it stays unread in its kernel.
const server = net.createServer({ pauseOnConnect: true }, (conn) => {
  server.close();
  conn.on('error', () => {});
  client.write('POST /upload HTTP/1.1\r\nContent-Length: 100\r\n\r\n', () => {
    conn.write(response, () => {
      console.log(`server: answered ${response.length} bytes, then closes with the request unread`);
      conn.destroy(); // close() with unread data: the kernel sends RST, not FIN
      setTimeout(readByHand, 200);
    });
  });
});

let client: net.Socket;
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as net.AddressInfo;
  client = net.connect({ host: '127.0.0.1', port });
  // Keep Node from reading: the kernel holds whatever arrives until we read it ourselves.
  client.pause();
  client.on('error', () => {});
});

// Read the socket with plain read() calls, after the RST has arrived, to see what the kernel kept.
function readByHand() {
  const fd = (client as unknown as { _handle: { fd: number } })._handle.fd;
  const buf = Buffer.alloc(4096);
  console.log('client: reads only now, after the RST arrived');
  // The error is reported once: the read after it finds a closed connection, which is end-of-file.
  for (let i = 1; i <= 3; i++) {
    try {
      const n = fs.readSync(fd, buf, 0, buf.length, null);
      if (n === 0) {
        console.log(`client: read() #${i} returned 0 (end-of-file)`);
        continue;
      }
      const firstLine = buf.subarray(0, n).toString('latin1').split('\r\n')[0];
      console.log(`client: read() #${i} returned ${n} bytes: ${firstLine}`);
    } catch (err) {
      console.log(`client: read() #${i} failed ${(err as NodeJS.ErrnoException).code}`);
    }
  }
  // Writing to the reset connection: EPIPE (Node ignores SIGPIPE, so it is an error, not a signal).
  try {
    fs.writeSync(fd, 'more body');
    console.log('client: write() succeeded');
  } catch (err) {
    console.log(`client: write() failed ${(err as NodeJS.ErrnoException).code}`);
  }
  client.destroy();
}
