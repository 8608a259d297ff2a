// Starting a file that has no execute permission bit fails with EACCES ("spawn ./run.sh
// EACCES"), and for once root is no exception: execve() lets CAP_DAC_OVERRIDE skip the
// execute check only when at least one of the three x bits is set. Starting a directory
// fails the same way. Handing the file to its interpreter (sh run.sh) needs only read access.
// Run: node eacces-exec-without-x-bit.ts   (Node >= 22.18, Linux, as root; needs unshare)
import fs from 'node:fs';
import { spawn, spawnSync } from 'node:child_process';

// Starts `file` (with `args`) and reports the 'error' event or the exit code.
function start(who: string, what: string, file: string, args: string[] = []): Promise<void> {
  return new Promise((resolve) => {
    const child = spawn(file, args, { stdio: ['ignore', 'pipe', 'ignore'] });
    let out = '';
    child.stdout!.on('data', (d) => (out += d));
    let failed: NodeJS.ErrnoException | null = null;
    child.on('error', (err) => (failed = err));
    child.on('close', (code) => {
      if (failed) {
        const e = failed as NodeJS.ErrnoException;
        console.log(`${who}: ${what}: 'error' event ${e.code}: ${e.message}`);
      } else {
        console.log(`${who}: ${what}: exit code ${code}, printed "${out.trim()}"`);
      }
      resolve();
    });
  });
}

const dir = 'noexec-demo';
const who = `uid ${process.getuid!()}${process.getuid!() === 0 ? ' (root)' : ' (unprivileged)'}`;

if (process.argv[2] === 'unprivileged') {
  await start(who, 'run.sh (mode 644)', `./${dir}/run.sh`);
} else {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir);
  // Written with mode 644, as a download, an unzip or a `git clone` without the x bit gives.
  fs.writeFileSync(`${dir}/run.sh`, '#!/bin/sh\necho ran\n', { mode: 0o644 });
  fs.chmodSync(`${dir}/run.sh`, 0o644);

  const r = spawnSync('unshare', ['--user', process.execPath, import.meta.filename, 'unprivileged'], {
    encoding: 'utf8',
    timeout: 8000,
  });
  process.stdout.write(r.stdout);
  if (r.status !== 0) console.log(`unprivileged child failed: ${r.error?.message ?? r.stderr.trim()}`);

  await start(who, 'run.sh (mode 644)', `./${dir}/run.sh`);
  await start(who, `${dir} (a directory)`, `./${dir}`);
  await start(who, 'sh run.sh (mode 644)', 'sh', [`${dir}/run.sh`]);
  fs.chmodSync(`${dir}/run.sh`, 0o744);
  await start(who, 'run.sh (mode 744, chmod u+x)', `./${dir}/run.sh`);

  fs.rmSync(dir, { recursive: true, force: true });
}
