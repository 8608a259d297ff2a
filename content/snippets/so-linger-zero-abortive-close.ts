// Two connections to the same server. The first is closed abortively: socket.resetAndDestroy()
// sets SO_LINGER {on, 0} and closes, so the kernel sends RST and the client's read fails with
// ECONNRESET. The second is closed with destroy(): a normal close, FIN, the client reads EOF.
// Run: node so-linger-zero-abortive-close.ts   (Node >= 22.18, no install)
import net from 'node:net';

setTimeout(() => {
  console.log('gave up: nothing happened within 8 s');
  process.exit(1);
}, 8000).unref();

let accepted = 0;
const server = net.createServer((conn) => {
  accepted += 1;
  const n = accepted;
  conn.on('error', () => {});
  // Close only after the client's greeting has been read: the client is then surely
  // connected, and nothing is left unread (unread data alone would also cause a RST).
  conn.once('data', () => {
    if (n === 1) {
      // Linger on with a zero timeout: close() drops the connection at once with a RST
      // instead of the FIN handshake (socket(7), SO_LINGER; RFC 9293 "ABORT" call).
      console.log('server: closes connection 1 with resetAndDestroy() (SO_LINGER on, 0 s)');
      conn.resetAndDestroy();
    } else {
      console.log('server: closes connection 2 with destroy() (ordinary close)');
      conn.destroy();
      server.close();
    }
  });
});

function connect(port: number, n: number, next: () => void): void {
  const client = net.connect({ host: '127.0.0.1', port }, () => client.write('hello'));
  client.on('data', (chunk) => console.log(`client ${n}: received ${chunk.length} bytes`));
  client.on('end', () => console.log(`client ${n}: read end-of-file (peer sent FIN)`));
  client.on('error', (err: NodeJS.ErrnoException) => {
    console.log(`client ${n}: read failed ${err.code} (syscall ${err.syscall})`);
  });
  // The second connection starts only after the first is fully over, so the order is fixed.
  client.on('close', () => {
    console.log(`client ${n}: socket closed`);
    next();
  });
}

server.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as net.AddressInfo;
  connect(port, 1, () => connect(port, 2, () => {}));
});
