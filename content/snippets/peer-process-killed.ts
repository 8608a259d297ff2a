// The server process is killed with SIGKILL: it runs no code at all, yet its kernel still
// closes its sockets. Case 1: the server had read the request, so the kernel sends FIN and
// the client reads end-of-file. Case 2: the request was still unread, so the kernel sends RST
// (RFC 2525 section 2.17, Linux __tcp_close()) and the client's read fails with ECONNRESET.
// The server is this same file, started as a child process with the argument "child".
// Run: node peer-process-killed.ts   (Node >= 22.18, no install)
import net from 'node:net';
import { fork, type ChildProcess } from 'node:child_process';

if (process.argv[2] === 'child') runServer(process.argv[3] === 'read');
else runParent();

// The doomed server: reports over the IPC channel, never exits by itself until killed.
function runServer(readRequest: boolean): void {
  // If the parent vanishes, do not linger: leave on disconnect, or after 4 s at the latest.
  setTimeout(() => process.exit(1), 4000).unref();
  process.on('disconnect', () => process.exit(1));
  // pauseOnConnect: in case 2 nothing ever reads, so the request stays in the kernel.
  const server = net.createServer({ pauseOnConnect: !readRequest }, (conn) => {
    conn.on('error', () => {});
    if (readRequest) conn.once('data', () => process.send!('read'));
    else process.send!('accepted');
  });
  server.listen(0, '127.0.0.1', () => process.send!((server.address() as net.AddressInfo).port));
}

function runParent(): void {
  setTimeout(() => {
    console.log('gave up: nothing happened within 8 s');
    process.exit(1);
  }, 8000).unref();

  let child: ChildProcess | undefined;
  // Never leave a server process behind, whatever happens here.
  process.on('exit', () => child?.kill('SIGKILL'));

  function runCase(n: number, readRequest: boolean, next: () => void): void {
    child = fork(import.meta.filename, ['child', readRequest ? 'read' : 'noread'], {
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    const server = child;
    const kill = () => {
      console.log(`client ${n}: kills the server process with SIGKILL`);
      server.kill('SIGKILL');
    };
    let client: net.Socket;
    server.on('message', (msg) => {
      if (typeof msg === 'number') {
        client = net.connect({ host: '127.0.0.1', port: msg }, () => {
          if (readRequest) client.write('GET / HTTP/1.1\r\n\r\n');
        });
        client.on('data', (chunk) => console.log(`client ${n}: received ${chunk.length} bytes`));
        client.on('end', () => console.log(`client ${n}: read end-of-file (peer sent FIN)`));
        client.on('error', (err: NodeJS.ErrnoException) => {
          console.log(`client ${n}: read failed ${err.code} (syscall ${err.syscall})`);
        });
        // The next case starts only when this one is over, so the output order is fixed.
        client.on('close', () => {
          console.log(`client ${n}: socket closed`);
          next();
        });
      } else if (msg === 'read') {
        console.log(`server ${n}: has read the request, nothing left unread`);
        kill();
      } else if (msg === 'accepted') {
        console.log(`server ${n}: accepted, will not read the request`);
        // On loopback the bytes are in the server's receive queue once write() has returned.
        client.write('GET / HTTP/1.1\r\n\r\n', () => {
          console.log(`client ${n}: request written, still unread by the server`);
          kill();
        });
      }
    });
  }

  runCase(1, true, () => runCase(2, false, () => {}));
}
