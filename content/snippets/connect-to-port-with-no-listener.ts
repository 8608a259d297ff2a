// Connect to a port on 127.0.0.1 where nothing listens: the kernel answers the SYN with RST.
// Run: node connect-to-port-with-no-listener.ts   (Node >= 22.18, no install)
import net from 'node:net';

// Stop by ourselves if something unexpected keeps the process alive.
setTimeout(() => {
  console.log('gave up: nothing happened within 8 s');
  process.exit(1);
}, 8000).unref();

// Borrow a free ephemeral port from the kernel, then release it so nothing listens there.
const probe = net.createServer();
probe.listen(0, '127.0.0.1', () => {
  const { port } = probe.address() as net.AddressInfo;
  probe.close(() => {
    console.log('server: no socket listens on the port');
    const client = net.connect({ host: '127.0.0.1', port });
    client.on('connect', () => {
      console.log('client: connected (something else grabbed the port)');
      client.destroy();
    });
    client.on('error', (err: NodeJS.ErrnoException) => {
      console.log(`client: connect failed ${err.code} (syscall ${err.syscall})`);
    });
  });
});
