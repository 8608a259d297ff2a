// A filesystem fills up: write() fails with ENOSPC, "No space left on device". The same error
// comes back when the filesystem still has free blocks but no free inodes (no room for one more
// file). Both on a small tmpfs that this run mounts and removes again.
// Needs to mount: as root it uses a private mount namespace; otherwise it first becomes root
// inside a new user namespace (unshare -rm), which most Linux systems allow.
// Run: node enospc-full-filesystem.ts   (Linux, Node >= 22.18, no install)
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

function mount(...args: string[]): void {
  const r = spawnSync('mount', args, { encoding: 'utf8', timeout: 4000 });
  if (r.status !== 0) throw new Error(`mount ${args.join(' ')} failed: ${r.stderr || r.error}`);
}
function report(what: string, err: unknown): void {
  const e = err as NodeJS.ErrnoException;
  console.log(`${what} failed ${e.code} (syscall ${e.syscall})`);
  console.log(`  message: ${e.message.replace(dir, '<dir>')}`);
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'enospc-'));
try {
  // 1. Out of blocks: a 64 KiB tmpfs, written 4 KiB at a time (bounded: at most 100 writes).
  mount('-t', 'tmpfs', '-o', 'size=64k', 'errno-kb-small', dir);
  console.log('disk: a 64 KiB tmpfs is mounted');
  const fd = fs.openSync(path.join(dir, 'big.log'), 'w');
  const chunk = Buffer.alloc(4096, 'x');
  let written = 0;
  for (let i = 0; i < 100; i++) {
    try {
      written += fs.writeSync(fd, chunk);
    } catch (err) {
      console.log(`app: wrote ${written / 1024} KiB, then`);
      report('app: write', err);
      break;
    }
  }
  fs.closeSync(fd);
  let st = fs.statfsSync(dir);
  console.log(`statfs: ${st.bfree} blocks free`);
  // Deleting the file gives the space back at once, because nothing holds it open any more.
  fs.unlinkSync(path.join(dir, 'big.log'));
  st = fs.statfsSync(dir);
  console.log(`app: deleted big.log; statfs: ${st.bfree * st.bsize / 1024} KiB free`);
  spawnSync('umount', [dir], { timeout: 4000 });

  // 2. Out of inodes: plenty of space, but room for only 8 files (nr_inodes=8; the root
  // directory takes one). Each new file, even an empty one, needs an inode.
  mount('-t', 'tmpfs', '-o', 'size=1m,nr_inodes=8', 'errno-kb-few-inodes', dir);
  console.log('disk: a 1 MiB tmpfs with at most 8 inodes is mounted');
  let files = 0;
  for (let i = 0; i < 100; i++) {
    try {
      fs.closeSync(fs.openSync(path.join(dir, `f${i}`), 'w'));
      files++;
    } catch (err) {
      console.log(`app: created ${files} empty files, then`);
      report('app: open', err);
      break;
    }
  }
  st = fs.statfsSync(dir);
  console.log(`statfs: ${st.ffree} inodes free, ${st.bfree * st.bsize / 1024} KiB free`);
} finally {
  spawnSync('umount', [dir], { timeout: 4000 });
  fs.rmSync(dir, { recursive: true, force: true });
}
