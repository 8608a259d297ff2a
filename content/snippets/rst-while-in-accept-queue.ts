// A client connects and aborts with RST while its connection still waits in the server's
// accept queue. BSD folklore says accept() then fails with ECONNABORTED; Linux instead hands
// the dead connection to accept(), and the first read on it fails with ECONNRESET.
// Run: node rst-while-in-accept-queue.ts   (Node >= 22.18, no install)
import net from 'node:net';
import { spawnSync } from 'node:child_process';

if (process.argv[2] === 'client') {
  // The client runs in a second process so that the server's event loop can stay blocked.
  const client = net.connect({ host: '127.0.0.1', port: Number(process.argv[3]) });
  client.on('connect', () => {
    // The kernel finished the handshake alone: the connection is ESTABLISHED and queued.
    console.log('client: connected (handshake done, server has not called accept yet)');
    // SO_LINGER {on, 0} + close(): the kernel sends RST instead of FIN.
    client.resetAndDestroy();
    console.log('client: aborts the connection with RST');
  });
  client.on('error', (err: NodeJS.ErrnoException) => {
    console.log(`client: failed ${err.code} (syscall ${err.syscall})`);
  });
} else {
  setTimeout(() => {
    console.log('gave up: nothing happened within 8 s');
    process.exit(1);
  }, 8000).unref();

  const server = net.createServer((conn) => {
    console.log('server: accept returned a connection (no ECONNABORTED)');
    server.close();
    conn.on('data', (chunk) => console.log(`server: received ${chunk.length} bytes`));
    conn.on('end', () => console.log('server: read end-of-file (peer sent FIN)'));
    conn.on('error', (err: NodeJS.ErrnoException) => {
      console.log(`server: read failed ${err.code} (syscall ${err.syscall})`);
    });
  });
  // libuv swallows ECONNABORTED from accept (src/unix/stream.c, uv__server_io), so an
  // aborted connection never reaches 'error' here; other accept errors would.
  server.on('error', (err: NodeJS.ErrnoException) => {
    console.log(`server: accept failed ${err.code} (syscall ${err.syscall})`);
  });
  server.listen(0, '127.0.0.1', () => {
    const { port } = server.address() as net.AddressInfo;
    console.log('server: listening, but busy: will not call accept until the client is gone');
    // spawnSync blocks this event loop, so Node cannot call accept() while the client
    // connects and resets: the connection sits in the accept queue the whole time.
    const child = spawnSync(process.execPath, [import.meta.filename, 'client', String(port)], {
      encoding: 'utf8',
      timeout: 3000,
    });
    process.stdout.write(child.stdout);
    if (child.status !== 0) {
      console.log(`gave up: the client process failed (${child.error?.message ?? child.stderr})`);
      process.exit(1);
    }
    console.log('server: event loop free again, accept() runs now');
  });
}
