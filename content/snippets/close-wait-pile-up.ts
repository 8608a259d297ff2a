// Clients close their connections (FIN), but the server application never closes its side.
// Each server socket stays in CLOSE_WAIT, holding a file descriptor, until the application
// closes it. Closing them releases them at once.
// Run: node close-wait-pile-up.ts   (Linux with `ss` from iproute2, Node >= 22.18, no install)
import net from 'node:net';
import { execFileSync } from 'node:child_process';

setTimeout(() => {
  console.log('gave up: nothing happened within 8 s');
  process.exit(1);
}, 8000).unref();

const COUNT = 5;

// Counts this run's connections in a TCP state, the way an operator would: `ss -tan state ...`,
// filtered to our port so other programs' sockets are not counted.
function countInState(state: string, filter: string): number {
  const out = execFileSync('ss', ['-Htan', 'state', state, filter], { encoding: 'utf8' });
  return out.split('\n').filter((line) => line.trim() !== '').length;
}

const accepted: net.Socket[] = [];
let ended = 0;

// allowHalfOpen: true turns off Node's automatic end() when the peer's FIN arrives, so this
// server behaves like a C program that reads end-of-file and then forgets to call close().
const server = net.createServer({ allowHalfOpen: true }, (conn) => {
  accepted.push(conn);
  conn.on('data', () => {});
  conn.on('end', () => {
    // The bug: end-of-file is noticed, but the socket is never closed.
    if (++ended === COUNT) inspect();
  });
});

let port = 0;
server.listen(0, '127.0.0.1', () => {
  port = (server.address() as net.AddressInfo).port;
  for (let i = 0; i < COUNT; i++) {
    const client = net.connect({ host: '127.0.0.1', port }, () => client.end()); // FIN at once
    client.on('data', () => {});
    client.on('close', () => {
      if (++closedClients === COUNT) afterRelease();
    });
  }
  console.log(`client: opened ${COUNT} connections and closed each one (FIN)`);
});

function inspect(): void {
  // The FINs were ACKed by the server's kernel: the server's sockets sit in CLOSE_WAIT and the
  // clients' in FIN_WAIT_2, waiting for a FIN the server application never asks for.
  console.log(`server: ${countInState('close-wait', `sport = :${port}`)} connections in CLOSE_WAIT`);
  console.log(`client: ${countInState('fin-wait-2', `dport = :${port}`)} connections in FIN_WAIT_2`);
  console.log('server: the application finally closes its sockets');
  for (const conn of accepted) conn.end(); // sends our FIN: CLOSE_WAIT -> LAST_ACK -> CLOSED
}

let closedClients = 0;
function afterRelease(): void {
  // Each client received the FIN and ACKed it (a loopback ACK is processed at once), so the
  // server side is gone and the clients wait out TIME_WAIT.
  console.log(`server: ${countInState('close-wait', `sport = :${port}`)} connections in CLOSE_WAIT`);
  console.log(`client: ${countInState('time-wait', `dport = :${port}`)} connections in TIME_WAIT`);
  server.close();
}
