// Removing a directory that is a mount point fails with EBUSY, "resource busy or locked": what
// `npm ci` meets when node_modules is a Docker volume. rm -r empties the volume, then cannot
// remove the directory itself. Unmounting a filesystem that a process still uses fails the
// same way ("target is busy"). Shown on a tmpfs that this run mounts and removes again.
// Needs to mount: as root it uses a private mount namespace; otherwise it first becomes root
// inside a new user namespace (unshare -rm), which most Linux systems allow.
// Run: node ebusy-remove-mount-point-in-use.ts   (Linux, Node >= 22.18, no install)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';

// Mount in a mount namespace of this run's own, so the mounts vanish when it ends, even if
// it is killed. unshare(1): --mount, --propagation private; --map-root-user when not root.
if (process.env.ERRNO_KB_OWN_MOUNTS !== '1') {
  const asRoot = process.getuid!() === 0 ? [] : ['--user', '--map-root-user'];
  const args = [...asRoot, '--mount', '--propagation', 'private', process.execPath, import.meta.filename];
  const r = spawnSync('unshare', args, { stdio: 'inherit', env: { ...process.env, ERRNO_KB_OWN_MOUNTS: '1' }, timeout: 10_000 });
  process.exit(r.status ?? 1);
}

setTimeout(() => {
  console.log('gave up: nothing happened within 8 s');
  process.exit(1);
}, 8000).unref();

function run(command: string, ...args: string[]): void {
  const r = spawnSync(command, args, { encoding: 'utf8', timeout: 4000 });
  if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${r.stderr || r.error}`);
}

const app = fs.mkdtempSync(path.join(os.tmpdir(), 'ebusy-'));
const modules = path.join(app, 'node_modules'); // a mount point, like a Docker volume
const show = (s: string) => s.replaceAll(`${app}/`, '');
function attempt(what: string, action: () => void): void {
  try {
    action();
    console.log(`${what}: ok`);
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    console.log(`${what}: failed ${e.code} (syscall ${e.syscall})`);
    console.log(`  message: ${show(e.message)}`);
  }
}

let sleeper: ReturnType<typeof spawn> | null = null;
try {
  fs.mkdirSync(modules);
  run('mount', '-t', 'tmpfs', '-o', 'size=1m', 'errno-kb-volume', modules);
  fs.mkdirSync(path.join(modules, 'left-pad'));
  fs.writeFileSync(path.join(modules, 'left-pad', 'index.js'), 'module.exports = 1;\n');
  console.log('setup: node_modules is a mount point with one package in it');

  // Removing the whole tree, as npm ci and rm -rf do.
  attempt('fs.rmSync node_modules (recursive)', () => fs.rmSync(modules, { recursive: true }));
  console.log(`  node_modules still exists: ${fs.existsSync(modules)}, entries left in it: ${fs.readdirSync(modules).length}`);
  const rm = spawnSync('rm', ['-rf', modules], { encoding: 'utf8', timeout: 4000 });
  console.log(`rm -rf node_modules: exit status ${rm.status}, says "Device or resource busy": ${rm.stderr.includes('Device or resource busy')}`);
  console.log(`  node_modules still exists: ${fs.existsSync(modules)}, entries left in it: ${fs.readdirSync(modules).length}`);
  attempt('fs.rmdirSync node_modules', () => fs.rmdirSync(modules));
  attempt('fs.renameSync node_modules -> node_modules.old', () => fs.renameSync(modules, `${modules}.old`));

  // Unmounting while a process has its working directory inside the mount.
  sleeper = spawn('sleep', ['30'], { cwd: modules, stdio: 'ignore' });
  await once(sleeper, 'spawn');
  const busy = spawnSync('umount', [modules], { encoding: 'utf8', timeout: 4000 });
  console.log(`umount while a process works inside: exit status ${busy.status}, says "target is busy": ${busy.stderr.includes('target is busy')}`);
  sleeper.kill();
  await once(sleeper, 'exit');
  sleeper = null;
  const done = spawnSync('umount', [modules], { encoding: 'utf8', timeout: 4000 });
  console.log(`umount after that process exited: exit status ${done.status}`);
  attempt('fs.rmdirSync node_modules after umount', () => fs.rmdirSync(modules));
} finally {
  sleeper?.kill('SIGKILL');
  spawnSync('umount', ['-l', modules], { timeout: 4000 });
  fs.rmSync(app, { recursive: true, force: true });
}
