// fs.rename() from one mounted filesystem to another fails with EXDEV, "cross-device link not
// permitted": rename() only relinks a name inside one filesystem, it never copies data. It fails
// even between two mounts of the same filesystem (a bind mount). fs.cp + fs.rm, and mv, copy.
// Needs to mount: as root it uses a private mount namespace; otherwise it first becomes root
// inside a new user namespace (unshare -rm), which most Linux systems allow.
// Run: node exdev-rename-across-mounts.ts   (Linux, Node >= 22.18, no install)
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

const top = fs.mkdtempSync(path.join(os.tmpdir(), 'exdev-'));
const cache = path.join(top, 'cache'); // one tmpfs, like /tmp or a download cache
const project = path.join(top, 'project'); // another tmpfs, like a Docker volume
const alias = path.join(top, 'cache-again'); // a bind mount of the first tmpfs
const show = (p: string) => p.replace(`${top}/`, '');
function tryRename(from: string, to: string): void {
  try {
    fs.renameSync(from, to);
    console.log(`rename ${show(from)} -> ${show(to)}: ok`);
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    console.log(`rename ${show(from)} -> ${show(to)}: failed ${e.code} (syscall ${e.syscall})`);
    console.log(`  message: ${e.message.replaceAll(`${top}/`, '')}`);
  }
}

try {
  for (const d of [cache, project, alias]) fs.mkdirSync(d);
  run('mount', '-t', 'tmpfs', '-o', 'size=1m', 'errno-kb-cache', cache);
  run('mount', '-t', 'tmpfs', '-o', 'size=1m', 'errno-kb-project', project);
  run('mount', '--bind', cache, alias);
  fs.writeFileSync(path.join(cache, 'package.tgz'), 'downloaded bytes');

  // Same filesystem, same mount: rename just moves the name.
  tryRename(path.join(cache, 'package.tgz'), path.join(cache, 'verified.tgz'));
  // Different filesystem.
  tryRename(path.join(cache, 'verified.tgz'), path.join(project, 'package.tgz'));
  // Same filesystem, seen through a second mount: still refused (rename(2)).
  tryRename(path.join(cache, 'verified.tgz'), path.join(alias, 'package.tgz'));

  // What works across filesystems: copy, then remove the original (what mv does after EXDEV).
  fs.cpSync(path.join(cache, 'verified.tgz'), path.join(project, 'package.tgz'));
  fs.rmSync(path.join(cache, 'verified.tgz'));
  console.log(`fs.cpSync + fs.rmSync: ok, project/package.tgz has "${fs.readFileSync(path.join(project, 'package.tgz'), 'utf8')}"`);
  const mv = spawnSync('mv', [path.join(project, 'package.tgz'), path.join(cache, 'back.tgz')], { encoding: 'utf8', timeout: 4000 });
  console.log(`mv project/package.tgz cache/back.tgz: exit status ${mv.status}, cache/back.tgz exists: ${fs.existsSync(path.join(cache, 'back.tgz'))}`);
} finally {
  for (const d of [alias, project, cache]) spawnSync('umount', [d], { timeout: 4000 });
  fs.rmSync(top, { recursive: true, force: true });
}
