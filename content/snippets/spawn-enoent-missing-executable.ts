// Starting a program that is not installed (or not on PATH) fails with ENOENT. Node's spawn()
// does not throw: it returns a ChildProcess that emits 'error' with "spawn <command> ENOENT",
// and a program without an 'error' listener crashes. With `shell: true` the shell starts fine
// and reports the missing command itself: exit code 127, "not found" on stderr, no 'error'.
// Run: node spawn-enoent-missing-executable.ts   (Node >= 22.18, Linux or macOS, no install)
import { spawn, spawnSync, execFileSync } from 'node:child_process';
import { once } from 'node:events';

setTimeout(() => {
  console.log('gave up: nothing happened within 8 s');
  process.exit(1);
}, 8000).unref();

const missing = 'no-such-tool';

// 1. spawn() itself returns normally; the failure arrives as an 'error' event.
let child;
try {
  child = spawn(missing, ['in.png', 'out.jpg']);
  console.log('spawn: returned a ChildProcess, no exception');
} catch (err) {
  console.log(`spawn: threw ${(err as Error).message}`);
}
let exited = false;
child!.on('exit', () => (exited = true));
const [err] = (await once(child!, 'error')) as [NodeJS.ErrnoException & { spawnargs: string[] }];
console.log(`spawn: 'error' event ${err.code} (errno ${err.errno}, syscall ${err.syscall}, path ${err.path})`);
console.log(`message: ${err.message}`);
console.log(`spawnargs: ${JSON.stringify(err.spawnargs)}`);
await once(child!, 'close');
console.log(`spawn: 'exit' event: ${exited ? 'yes' : 'none'}, pid: ${child!.pid === undefined ? 'undefined' : 'a number'}`);

// 2. The synchronous functions report it too: spawnSync in .error, execFileSync by throwing.
const r = spawnSync(missing);
console.log(`spawnSync: error ${(r.error as NodeJS.ErrnoException).code}, status ${r.status}`);
try {
  execFileSync(missing);
} catch (e) {
  console.log(`execFileSync: threw ${(e as Error).message}`);
}

// 3. Through a shell, the shell is what starts, and it reports the missing command.
const viaShell = spawn(`${missing} in.png out.jpg`, { shell: true, stdio: ['ignore', 'ignore', 'pipe'] });
let stderr = '';
viaShell.stderr!.on('data', (d) => (stderr += d));
let shellError = false;
viaShell.on('error', () => (shellError = true));
const [code] = await once(viaShell, 'close');
console.log(`shell: true: exit code ${code}, 'error' event: ${shellError ? 'yes' : 'none'}`);
console.log(`shell: true: stderr mentions "not found": ${/not found/.test(stderr)}`);
