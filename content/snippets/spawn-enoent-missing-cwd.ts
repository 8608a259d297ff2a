// A command that certainly exists fails to start with ENOENT when the working directory given
// in `cwd` does not exist: the child cannot chdir() there, and Node reports the failure as if
// the program were missing ("spawn git ENOENT"). Nothing in the error names the directory.
// Run: node spawn-enoent-missing-cwd.ts   (Node >= 22.18, Linux or macOS, no install)
import fs from 'node:fs';
import { spawn, spawnSync } from 'node:child_process';

setTimeout(() => {
  console.log('gave up: nothing happened within 8 s');
  process.exit(1);
}, 8000).unref();

// Runs `command` in `cwd` and reports the 'error' event (every field Node sets) or the exit code.
function start(command: string, cwd: string, options: { shell?: boolean } = {}): Promise<void> {
  return new Promise((resolve) => {
    const child = spawn(command, [], { cwd, stdio: 'ignore', ...options });
    let failed: (NodeJS.ErrnoException & { spawnargs?: string[] }) | null = null;
    child.on('error', (err) => (failed = err));
    child.on('close', (code) => {
      const what = `spawn ${command}${options.shell ? ' (shell: true)' : ''} in cwd '${cwd}'`;
      if (failed) {
        const e = failed as NodeJS.ErrnoException & { spawnargs?: string[] };
        console.log(`${what}: 'error' event ${e.code} (syscall ${e.syscall}, path ${e.path})`);
        console.log(`message: ${e.message}`);
        console.log(`error mentions the directory: ${JSON.stringify(e).includes(cwd) || e.message.includes(cwd)}`);
      } else {
        console.log(`${what}: exit code ${code}`);
      }
      resolve();
    });
  });
}

const dir = 'cwd-demo';
fs.rmSync(dir, { recursive: true, force: true });
fs.mkdirSync(dir);

console.log(`command -v ls: ${spawnSync('sh', ['-c', 'command -v ls >/dev/null && echo found']).stdout.toString().trim()}`);
await start('ls', `${dir}/build`);
await start('ls', `${dir}/build`, { shell: true });

// A check before spawning turns the confusing error into a clear one.
console.log(`existsSync('${dir}/build'): ${fs.existsSync(`${dir}/build`)}`);
fs.mkdirSync(`${dir}/build`);
await start('ls', `${dir}/build`);

fs.rmSync(dir, { recursive: true, force: true });
