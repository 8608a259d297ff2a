// A connected UDP socket sends to a port where nothing listens. The destination's kernel
// answers with ICMP "port unreachable"; Linux stores that as ECONNREFUSED on the socket and
// reports it on the next send or receive. An unconnected socket would never hear of it.
// Run: node connected-udp-to-closed-port.ts   (Node >= 22.18, no install)
import dgram from 'node:dgram';
import { once } from 'node:events';

setTimeout(() => {
  console.log('gave up: nothing happened within 8 s');
  process.exit(1);
}, 8000).unref();

function report(who: string, what: string, err: NodeJS.ErrnoException): void {
  console.log(`${who}: ${what} failed ${err.code} (syscall ${err.syscall})`);
}

// Find a free UDP port: bind one, note it, close it again.
const probe = dgram.createSocket('udp4');
probe.bind(0, '127.0.0.1');
await once(probe, 'listening');
const port = probe.address().port;
probe.close();
await once(probe, 'close');

// For contrast, an unconnected socket: Linux does not report ICMP errors to it unless
// IP_RECVERR is set (__udp4_lib_err in net/ipv4/udp.c), so both sends "succeed".
const loose = dgram.createSocket('udp4');
loose.bind(0, '127.0.0.1');
await once(loose, 'listening');
loose.on('error', (err: NodeJS.ErrnoException) => report('unconnected socket', 'receive', err));
for (const payload of ['one', 'two']) {
  const err = await new Promise<Error | null>((resolve) => loose.send(payload, port, '127.0.0.1', resolve));
  if (err) report('unconnected socket', `send ${payload}`, err as NodeJS.ErrnoException);
  else console.log(`unconnected socket: datagram ${payload} sent (no error)`);
}
loose.close();

const client = dgram.createSocket('udp4');
client.connect(port, '127.0.0.1');
await once(client, 'connect');
console.log('client: connected UDP socket to a port with no listener');

// Step 1: two sends back to back. On loopback the ICMP error comes back inside the first
// sendmsg(); the kernel keeps it as a pending socket error (udp(7): ECONNREFUSED) and the
// second sendmsg() returns it instead of sending.
client.send('first', (err) => {
  if (err) return report('client', 'first send', err);
  console.log('client: first datagram sent (no error yet)');
  client.send('second', (err2) => {
    if (!err2) {
      console.log('client: second datagram sent (no error reported)');
      return;
    }
    report('client', 'second send', err2);
    step2();
  });
});

// Step 2: one send, then nothing: the pending error wakes the socket up (EPOLLERR), libuv
// calls recvmsg(), and Node emits 'error' on the socket.
function step2(): void {
  client.once('error', (err: NodeJS.ErrnoException) => {
    report('client', 'receive', err);
    client.close();
  });
  client.send('third', (err) => {
    if (err) return report('client', 'third send', err);
    console.log('client: third datagram sent, now waiting for a reply');
  });
}
