// process.kill() on a process that has exited and been reaped fails with ESRCH, "No such
// process". Before it is reaped (a zombie, whose parent has not called wait() yet) the same
// signal "succeeds": the process table entry still exists. Once reaped, its PID is free and
// may be given to a new, unrelated process.
// Run: node esrch-signal-exited-process.ts   (Linux or macOS, Node >= 22.18, python3 on PATH)
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import readline from 'node:readline';

setTimeout(() => {
  console.log('gave up: nothing happened within 8 s');
  process.exit(1);
}, 8000).unref();

function tryKill(what: string, pid: number, signal: NodeJS.Signals | 0): void {
  try {
    console.log(`${what}: returned ${process.kill(pid, signal)}`);
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    console.log(`${what}: threw ${e.code} (syscall ${e.syscall}), message: ${e.message}`);
  }
}

// 1. A worker that Node started has exited; Node's own child handling has reaped it.
const worker = spawn('/bin/true', { stdio: 'ignore' });
const pid = worker.pid!;
const [code] = await once(worker, 'exit');
console.log(`worker: exited with status ${code}, and Node reaped it`);
tryKill("process.kill(pid, 'SIGTERM')", pid, 'SIGTERM');
tryKill('process.kill(pid, 0) (is it alive?)', pid, 0);
// The ChildProcess object knows its process is gone and does not send anything.
console.log(`worker.kill() on the exited child: returned ${worker.kill()}, no exception`);

// 2. A zombie: a Python parent forks a child that exits at once, and waits for it only when
// told to. Until then the dead child keeps its PID and signals to it succeed (whether it
// has finished exiting yet or not, the answer is the same).
const python = [
  'import os, sys',
  'pid = os.fork()',
  'if pid == 0:',
  '    os._exit(0)',
  'print(pid, flush=True)',
  'sys.stdin.readline()',
  'os.waitpid(pid, 0)',
  'print("reaped", flush=True)',
  'sys.stdin.readline()',
].join('\n');
const parent = spawn('python3', ['-c', python], { stdio: ['pipe', 'pipe', 'inherit'] });
const lines = readline.createInterface({ input: parent.stdout! })[Symbol.asyncIterator]();
const zombie = Number((await lines.next()).value);
tryKill('zombie (exited, not reaped): process.kill(pid, 0)', zombie, 0);
tryKill("zombie: process.kill(pid, 'SIGKILL')", zombie, 'SIGKILL');
parent.stdin!.write('reap\n');
console.log(`python parent: ${(await lines.next()).value}`);
tryKill('after the parent reaped it: process.kill(pid, 0)', zombie, 0);
parent.stdin!.end('\n');
await once(parent, 'exit');
