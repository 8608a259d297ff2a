// A script that exists and is executable still fails to start with ENOENT when the interpreter
// named on its #! line does not exist: execve() reports the missing interpreter as if the
// script were missing. The usual real cause is a script saved with Windows (CRLF) line
// endings, whose first line then names "/bin/sh\r", a file nobody has.
// Run: node spawn-enoent-missing-interpreter.ts   (Node >= 22.18, Linux or macOS, no install)
import fs from 'node:fs';
import { spawn } from 'node:child_process';

setTimeout(() => {
  console.log('gave up: nothing happened within 8 s');
  process.exit(1);
}, 8000).unref();

// Starts a file and reports either the 'error' event or the exit code.
async function start(name: string, file: string, options: { shell?: boolean } = {}): Promise<void> {
  // No argument array with shell: true (passing one is deprecated, DEP0190).
  const child = spawn(file, { stdio: ['ignore', 'pipe', 'pipe'], ...options });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  let failed: NodeJS.ErrnoException | null = null;
  child.on('error', (err) => (failed = err));
  // events.once() would reject on 'error', so wait for 'close' by hand.
  const code = await new Promise((resolve) => child.on('close', resolve));
  if (failed) {
    const e = failed as NodeJS.ErrnoException;
    console.log(`${name}: 'error' event ${e.code}: ${e.message}`);
  } else {
    console.log(`${name}: exit code ${code}${out ? `, printed "${out.trim()}"` : ''}`);
  }
}

const dir = 'interp-demo';
fs.rmSync(dir, { recursive: true, force: true });
fs.mkdirSync(dir);

// 1. The #! line names an interpreter that is not installed.
fs.writeFileSync(`${dir}/deploy.sh`, '#!/opt/nonexistent/bin/bash\necho deployed\n', { mode: 0o755 });
console.log(`deploy.sh exists: ${fs.existsSync(`${dir}/deploy.sh`)}, mode ${(fs.statSync(`${dir}/deploy.sh`).mode & 0o777).toString(8)}`);
await start('spawn deploy.sh (#!/opt/nonexistent/bin/bash)', `./${dir}/deploy.sh`);

// 2. The same script with CRLF line endings: the kernel looks for "/bin/sh\r".
fs.writeFileSync(`${dir}/build.sh`, '#!/bin/sh\r\necho built\r\n', { mode: 0o755 });
await start('spawn build.sh (#!/bin/sh with CRLF)', `./${dir}/build.sh`);
await start('shell: true, build.sh (CRLF)', `./${dir}/build.sh`, { shell: true });

// 3. The same script with LF line endings starts.
fs.writeFileSync(`${dir}/build.sh`, '#!/bin/sh\necho built\n', { mode: 0o755 });
await start('spawn build.sh (#!/bin/sh with LF)', `./${dir}/build.sh`);

// 4. With #!/usr/bin/env, env itself starts and reports the missing program: exit code 127.
fs.writeFileSync(`${dir}/tool.py`, '#!/usr/bin/env python-nonexistent\nprint("ran")\n', { mode: 0o755 });
await start('spawn tool.py (#!/usr/bin/env python-nonexistent)', `./${dir}/tool.py`);

fs.rmSync(dir, { recursive: true, force: true });
