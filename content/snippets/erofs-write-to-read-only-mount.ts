// Writing to a filesystem mounted read-only fails with EROFS, "read-only file system", even for
// root: unlike file permissions, a read-only mount has no override. Shown on a tmpfs that this
// run mounts, then sees again through a read-only bind mount (what a container's read-only
// root filesystem or a `:ro` volume is).
// Needs to mount: as root it uses a private mount namespace; otherwise it first becomes root
// inside a new user namespace (unshare -rm), which most Linux systems allow.
// Run: node erofs-write-to-read-only-mount.ts   (Linux, Node >= 22.18, no install)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';

// Mount in a mount namespace of this run's own, so the mounts vanish when it ends, even if
// it is killed. unshare(1): --mount, --propagation private; --map-root-user when not root.
if (process.env.ERRNO_KB_OWN_MOUNTS !== '1') {
  const asRoot = process.getuid!() === 0 ? [] : ['--user', '--map-root-user'];
  const args = [...asRoot, '--mount', '--propagation', 'private', process.execPath, import.meta.filename];
  const r = spawnSync('unshare', args, { stdio: 'inherit', env: { ...process.env, ERRNO_KB_OWN_MOUNTS: '1' }, timeout: 10_000 });
  process.exit(r.status ?? 1);
}

function run(command: string, ...args: string[]): void {
  const r = spawnSync(command, args, { encoding: 'utf8', timeout: 4000 });
  if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${r.stderr || r.error}`);
}

const top = fs.mkdtempSync(path.join(os.tmpdir(), 'erofs-'));
const data = path.join(top, 'data'); // writable tmpfs
const ro = path.join(top, 'data-ro'); // the same files, mounted read-only
const show = (s: string) => s.replaceAll(`${top}/`, '');
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

try {
  fs.mkdirSync(data);
  fs.mkdirSync(ro);
  run('mount', '-t', 'tmpfs', '-o', 'size=1m', 'errno-kb-data', data);
  fs.writeFileSync(path.join(data, 'config.json'), '{}');
  fs.chmodSync(path.join(data, 'config.json'), 0o444);
  // A bind mount shows the same files; the remount makes only this mount point read-only.
  run('mount', '--bind', data, ro);
  run('mount', '-o', 'remount,ro,bind', ro);
  console.log(`app: running as uid ${process.getuid!()}`);

  // On the writable mount, root writes even a file whose mode is read-only (CAP_DAC_OVERRIDE).
  attempt('write data/config.json (mode 0444)', () => fs.writeFileSync(path.join(data, 'config.json'), '{"a":1}'));
  // On the read-only mount, nothing can be changed, whatever the permissions.
  attempt('write data-ro/config.json', () => fs.writeFileSync(path.join(ro, 'config.json'), '{"a":2}'));
  attempt('create data-ro/cache.tmp', () => fs.writeFileSync(path.join(ro, 'cache.tmp'), ''));
  attempt('mkdir data-ro/logs', () => fs.mkdirSync(path.join(ro, 'logs')));
  attempt('unlink data-ro/config.json', () => fs.unlinkSync(path.join(ro, 'config.json')));
  // Reading is fine, and sees what was written through the other mount.
  console.log(`read data-ro/config.json: ${fs.readFileSync(path.join(ro, 'config.json'), 'utf8')}`);
  // access(W_OK) tells in advance; it also reports EROFS.
  attempt('access data-ro/config.json W_OK', () => fs.accessSync(path.join(ro, 'config.json'), fs.constants.W_OK));
} finally {
  for (const d of [ro, data]) spawnSync('umount', [d], { timeout: 4000 });
  fs.rmSync(top, { recursive: true, force: true });
}
