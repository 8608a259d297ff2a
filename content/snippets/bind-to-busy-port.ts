// A second server tries to listen on an address and port that a first server already
// listens on: the kernel refuses with EADDRINUSE. SO_REUSEADDR (which Node sets on every
// listening socket) does not change that; SO_REUSEPORT on both sockets does, on Linux.
// Run: node bind-to-busy-port.ts   (Node >= 22.18, no install)
import net from 'node:net';

setTimeout(() => {
  console.log('gave up: nothing happened within 8 s');
  process.exit(1);
}, 8000).unref();

function listen(name: string, options: net.ListenOptions): Promise<net.Server | null> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('listening', () => {
      console.log(`${name}: listening`);
      resolve(server);
    });
    // libuv remembers a failed bind() and reports it from listen() (src/unix/tcp.c), so
    // Node's error says syscall "listen"; its message also names the address and port.
    server.once('error', (err: NodeJS.ErrnoException) => {
      console.log(`${name}: listen failed ${err.code} (syscall ${err.syscall})`);
      resolve(null);
    });
    server.listen(options);
  });
}

const first = await listen('server 1', { host: '127.0.0.1', port: 0 });
const { port } = first!.address() as net.AddressInfo;

// Same address, same port, while server 1 still listens.
const second = await listen('server 2', { host: '127.0.0.1', port });

// SO_REUSEPORT (Node >= 22.12: reusePort) lets several sockets listen on one port, but only
// if every one of them asked for it (socket(7)); the kernel then spreads connections.
// Node supports it on Linux and a few other systems only; elsewhere server 3 fails.
const third = await listen('server 3 (reusePort)', { host: '127.0.0.1', port: 0, reusePort: true });
let fourth: net.Server | null = null;
if (third) {
  const shared = (third.address() as net.AddressInfo).port;
  fourth = await listen('server 4 (reusePort, same port as server 3)', { host: '127.0.0.1', port: shared, reusePort: true });
}

for (const s of [first, second, third, fourth]) s?.close();
