// Writing to a full pipe whose descriptor is non-blocking fails with EAGAIN, "Resource
// temporarily unavailable". Node puts O_NONBLOCK on stdout as soon as process.stdout is first
// used, when stdout is a pipe (libuv's uv_pipe_open). From then on, fs.writeSync(1, ...) to a
// pipe that nobody is reading fails with EAGAIN instead of waiting, while process.stdout.write()
// queues the data and finishes when the reader catches up.
// Run: node eagain-full-nonblocking-pipe.ts   (Linux, Node >= 22.18, no install)
import fs from 'node:fs';
import { spawn } from 'node:child_process';
import { once } from 'node:events';

const KiB = 1024;

if (process.argv[2] === 'writer') {
  // Runs with stdout into a shell pipe (64 KiB) whose reader waits; reports on fd 3.
  const report = (line: string) => fs.writeSync(3, `${line}\n`);
  // O_NONBLOCK is 04000 in the octal "flags" of /proc/self/fdinfo (proc_pid_fdinfo(5)).
  const nonblocking = () => (parseInt(/flags:\s+([0-7]+)/.exec(fs.readFileSync('/proc/self/fdinfo/1', 'utf8'))![1], 8) & 0o4000) !== 0;
  report(`writer: stdout is a pipe; O_NONBLOCK set: ${nonblocking()}`);
  void process.stdout; // first use: Node opens fd 1 as a libuv pipe, which makes it non-blocking
  report(`writer: after first use of process.stdout; O_NONBLOCK set: ${nonblocking()}`);
  const chunk = Buffer.alloc(16 * KiB, 'x');
  let written = 0;
  for (let i = 0; i < 10; i++) {
    try {
      written += fs.writeSync(1, chunk);
    } catch (err) {
      const e = err as NodeJS.ErrnoException;
      report(`writer: fs.writeSync(1) wrote ${written / KiB} KiB, then failed ${e.code} (syscall ${e.syscall})`);
      report(`  message: ${e.message}`);
      break;
    }
  }
  process.stdout.write(chunk, (err) => {
    report(`writer: process.stdout.write callback: ${err ? `failed ${err.message}` : 'written, once the reader read'}`);
    fs.closeSync(3);
  });
  report(`writer: process.stdout.write() queued ${process.stdout.writableLength / KiB} KiB instead of failing`);
} else {
  setTimeout(() => {
    console.log('gave up: nothing happened within 8 s');
    shell.kill();
    process.exit(1);
  }, 8000).unref();

  // writer | reader. The reader reads nothing until the parent writes a line to its fd 4.
  const script = '"$0" "$1" writer 4<&- | { read -r go <&4; exec cat >/dev/null; }';
  const shell = spawn('/bin/sh', ['-c', script, process.execPath, import.meta.filename], {
    stdio: ['ignore', 'ignore', 'inherit', 'pipe', 'pipe'],
  });
  const reports = shell.stdio[3] as NodeJS.ReadableStream;
  const go = shell.stdio[4] as NodeJS.WritableStream;
  let buffered = '';
  reports.setEncoding('utf8');
  reports.on('data', (text: string) => {
    buffered += text;
    let nl;
    while ((nl = buffered.indexOf('\n')) >= 0) {
      const line = buffered.slice(0, nl);
      buffered = buffered.slice(nl + 1);
      console.log(line);
      if (line.startsWith('writer: process.stdout.write() queued')) {
        console.log('reader: starts reading now');
        go.end('go\n');
      }
    }
  });
  const [code] = await once(shell, 'close');
  console.log(`pipeline: exit status ${code}`);
}
