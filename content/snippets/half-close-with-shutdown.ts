// Half-close: the client sends its request and shuts down only its sending side
// (socket.end() = shutdown(SHUT_WR)). The server reads the request, then end-of-file, and can
// still send its answer on the same connection, then closes its own side. No RST, no error.
// Run: node half-close-with-shutdown.ts   (Node >= 22.18, no install)
import net from 'node:net';

setTimeout(() => {
  console.log('gave up: nothing happened within 8 s');
  process.exit(1);
}, 8000).unref();

const closed = { client: false, server: false };
let clientError = false;
let serverError = false;
// Both 'close' events come from the same teardown; report them together in a fixed order.
function onClosed(side: 'client' | 'server'): void {
  closed[side] = true;
  if (!closed.client || !closed.server) return;
  console.log(`client: socket closed ${clientError ? 'with an error' : 'without error'}`);
  console.log(`server: socket closed ${serverError ? 'with an error' : 'without error'}`);
}

// allowHalfOpen: after reading the client's FIN, Node must not close the server's side by
// itself; the server still has an answer to send (RFC 9293 section 3.6, CLOSE_WAIT).
const server = net.createServer({ allowHalfOpen: true }, (conn) => {
  server.close();
  let request = '';
  conn.setEncoding('utf8');
  conn.on('data', (chunk: string) => (request += chunk));
  conn.on('end', () => {
    console.log(`server: read the request "${request}"`);
    console.log('server: read end-of-file (client sent FIN), the connection is half-closed');
    // Answering after EOF is legal: the client shut down its sending side only.
    console.log('server: sends its answer, then closes its side (FIN)');
    conn.end('answer for ' + request);
  });
  conn.on('error', (err: NodeJS.ErrnoException) => {
    serverError = true;
    console.log(`server: failed ${err.code} (syscall ${err.syscall})`);
  });
  conn.on('close', () => onClosed('server'));
});

server.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as net.AddressInfo;
  const client = net.connect({ host: '127.0.0.1', port, allowHalfOpen: true }, () => {
    // end(data) writes the request, then calls shutdown(SHUT_WR): a FIN follows the data.
    client.end('sum 1 2 3', () => {
      console.log('client: sent the request and shut down its sending side (FIN)');
    });
  });
  let answer = '';
  client.setEncoding('utf8');
  client.on('data', (chunk: string) => (answer += chunk));
  client.on('end', () => {
    console.log(`client: received "${answer}" after its own FIN`);
    console.log('client: read end-of-file (peer sent FIN)');
  });
  client.on('error', (err: NodeJS.ErrnoException) => {
    clientError = true;
    console.log(`client: failed ${err.code} (syscall ${err.syscall})`);
  });
  client.on('close', () => onClosed('client'));
});
