// Starting a program with too much on its command line fails with E2BIG, "Argument list too
// long". Linux has two limits: one string (argument or environment entry) may be at most
// 128 KiB (MAX_ARG_STRLEN), and all of them together at most a quarter of the stack limit
// (getconf ARG_MAX; 2 MiB with the usual 8 MiB stack). child_process.exec() passes the whole
// command line as ONE argument to /bin/sh -c, so it meets the 128 KiB limit first.
// Run: node e2big-argument-list-too-long.ts   (Linux, Node >= 22.18, no install)
import { spawn, spawnSync, exec } from 'node:child_process';
import { once } from 'node:events';

// The total limit follows the stack limit, so measure under the usual 8 MiB (ulimit -s 8192).
if (process.argv[2] !== 'measured') {
  const script = 'ulimit -s 8192 && exec "$0" "$1" measured';
  const r = spawnSync('/bin/sh', ['-c', script, process.execPath, import.meta.filename], { stdio: 'inherit', timeout: 12_000 });
  process.exit(r.status ?? 1);
}

setTimeout(() => {
  console.log('gave up: nothing happened within 8 s');
  process.exit(1);
}, 8000).unref();

const KiB = 1024;
// Runs /bin/true with these arguments (and environment) and says whether the kernel took them.
// E2BIG is not one of the errors Node emits as 'error': spawn() throws it.
async function tryStart(what: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<void> {
  try {
    const child = spawn('/bin/true', args, { stdio: 'ignore', env });
    const [code] = await once(child, 'exit');
    console.log(`${what}: ran, exit status ${code}`);
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    console.log(`${what}: failed ${e.code} (syscall ${e.syscall}), message: ${e.message}`);
  }
}

const argMax = spawnSync('getconf', ['ARG_MAX'], { encoding: 'utf8' }).stdout.trim();
console.log(`getconf ARG_MAX: ${argMax}`);

// One string: at most 128 KiB including its terminating NUL byte.
await tryStart('one argument of 128 KiB - 1 bytes', ['x'.repeat(128 * KiB - 1)]);
await tryStart('one argument of 128 KiB bytes', ['x'.repeat(128 * KiB)]);
await tryStart('one environment variable of 200 KiB', [], { ...process.env, BIG: 'x'.repeat(200 * KiB) });

// All together: 10,000 file names of 100 bytes (with their NUL) fit; 30,000 (3 MB) do not.
const names = (n: number) => Array.from({ length: n }, (_, i) => `src/components/${String(i).padStart(6, '0')}-${'x'.repeat(74)}.ts`);
await tryStart('10000 arguments of 100 bytes', names(10_000));
await tryStart('30000 arguments of 100 bytes', names(30_000));

// The same 2,000 names: fine as separate arguments, too long as one exec() command string.
const files = names(2_000);
await tryStart('spawn with 2000 names as arguments (200 KB)', files);
await new Promise<void>((resolve) => {
  try {
    exec(`/bin/true ${files.join(' ')}`, (err) => {
      console.log(`exec with the same names in one command string: ${err ? `failed ${err.code}` : 'ran'}`);
      resolve();
    });
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    console.log(`exec with the same names in one command string: failed ${e.code} (syscall ${e.syscall}), message: ${e.message}`);
    resolve();
  }
});
