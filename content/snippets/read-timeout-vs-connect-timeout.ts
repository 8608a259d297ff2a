// The connection succeeds but the server never answers. The kernel reports nothing: no errno,
// no event, the read just waits. Only a timer in the application ends the wait, and what the
// caller then sees depends on the API: a 'timeout' event (net), "socket hang up" (http),
// a TimeoutError (fetch).
// Run: node read-timeout-vs-connect-timeout.ts   (Node >= 22.18, no install)
import net from 'node:net';
import http from 'node:http';

setTimeout(() => {
  console.log('gave up: nothing happened within 8 s');
  process.exit(1);
}, 8000).unref();

const LIMIT_MS = 150;

// The server accepts and reads the request but never writes a byte back (a hung backend).
const server = net.createServer((conn) => {
  conn.on('data', () => {});
  conn.on('error', () => {});
});

server.listen(0, '127.0.0.1', async () => {
  const { port } = server.address() as net.AddressInfo;
  console.log('server: accepts connections and never answers');

  // A client with no timer at all: it will still be waiting when everything else is done.
  const patient = net.connect({ host: '127.0.0.1', port }, () => patient.write('GET / HTTP/1.1\r\n\r\n'));
  let patientError = 'none';
  patient.on('error', (err: NodeJS.ErrnoException) => (patientError = String(err.code)));

  await rawSocket(port);
  await httpRequest(port);
  await fetchRequest(port);

  console.log(`client without a timer: still waiting, socket open: ${!patient.destroyed}, error: ${patientError}`);
  patient.destroy();
  server.close();
});

// net: socket.setTimeout() only reports inactivity; the socket stays open until destroyed.
function rawSocket(port: number): Promise<void> {
  return new Promise((resolve) => {
    const client = net.connect({ host: '127.0.0.1', port }, () => {
      console.log('client (net): connected, request sent');
      client.write('GET / HTTP/1.1\r\n\r\n');
      client.setTimeout(LIMIT_MS);
    });
    client.on('timeout', () => {
      console.log(`client (net): 'timeout' event after ${LIMIT_MS} ms idle, socket still open: ${!client.destroyed}`);
      client.destroy(); // the application decides; without this it would keep waiting
    });
    client.on('error', (err: NodeJS.ErrnoException) => {
      console.log(`client (net): read failed ${err.code} (syscall ${err.syscall})`);
    });
    client.on('close', (hadError) => {
      console.log(`client (net): closed by the application, with an error: ${hadError}`);
      resolve();
    });
  });
}

// http: the `timeout` option also just emits 'timeout'; destroying the request then surfaces
// as ECONNRESET "socket hang up", an error Node makes up itself: no RST was ever received.
function httpRequest(port: number): Promise<void> {
  return new Promise((resolve) => {
    const req = http.get({ host: '127.0.0.1', port, path: '/', timeout: LIMIT_MS, agent: false });
    req.on('timeout', () => {
      console.log(`client (http): 'timeout' event after ${LIMIT_MS} ms without a response`);
      req.destroy();
    });
    req.on('response', () => console.log('client (http): got a response (unexpected)'));
    req.on('error', (err: NodeJS.ErrnoException) => {
      console.log(`client (http): request failed ${err.code} ("${err.message}", syscall ${err.syscall ?? 'none'})`);
    });
    req.on('close', () => resolve());
  });
}

// fetch: AbortSignal.timeout() rejects with a DOMException named TimeoutError.
async function fetchRequest(port: number): Promise<void> {
  try {
    await fetch(`http://127.0.0.1:${port}/`, { signal: AbortSignal.timeout(LIMIT_MS) });
    console.log('client (fetch): got a response (unexpected)');
  } catch (err) {
    const e = err as Error;
    console.log(`client (fetch): request failed ${e.name} ("${e.message}")`);
  }
}
