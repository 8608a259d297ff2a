// A file watcher (webpack, Vite, nodemon, jest --watch) watches more files than the kernel's
// inotify watch limit allows: fs.watch() fails with ENOSPC, which Node words as "System limit
// for number of file watchers reached". No disk is full; the "space" is the watch table.
// The limit is per user, per user namespace (/proc/sys/user/max_inotify_watches). This run
// lowers it to 20 inside a user namespace of its own, so the host's limit is never touched.
// Run: node enospc-inotify-watch-limit.ts   (Linux, Node >= 22.18, no install)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';

const LIMIT_FILE = '/proc/sys/user/max_inotify_watches';

// Lowering the limit needs CAP_SYS_RESOURCE in the user namespace that owns it. Run in a new
// user namespace (unshare --user --map-root-user) so the change affects only this run.
if (process.env.ERRNO_KB_OWN_USERNS !== '1') {
  const args = ['--user', '--map-root-user', process.execPath, import.meta.filename];
  const r = spawnSync('unshare', args, { stdio: 'inherit', env: { ...process.env, ERRNO_KB_OWN_USERNS: '1' }, timeout: 10_000 });
  process.exit(r.status ?? 1);
}

fs.writeFileSync(LIMIT_FILE, '20');
console.log(`kernel: max_inotify_watches in this user namespace is ${fs.readFileSync(LIMIT_FILE, 'utf8').trim()}`);

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'watch-'));
const watchers: fs.FSWatcher[] = [];
try {
  // A project with 30 files; each watched file costs one inotify watch (bounded: 30).
  for (let i = 0; i < 30; i++) fs.writeFileSync(path.join(dir, `file-${i}.js`), '');
  for (let i = 0; i < 30; i++) {
    try {
      watchers.push(fs.watch(path.join(dir, `file-${i}.js`)));
    } catch (err) {
      const e = err as NodeJS.ErrnoException;
      console.log(`app: watching ${watchers.length} files, the next fs.watch() failed ${e.code} (syscall ${e.syscall})`);
      console.log(`  message: ${e.message.replace(dir, '<dir>')}`);
      break;
    }
  }
  // Closing watchers gives watches back: the same call now succeeds.
  for (const w of watchers.splice(0, 5)) w.close();
  watchers.push(fs.watch(path.join(dir, 'file-20.js')));
  console.log(`app: closed 5 watchers; watching file-20.js now works (${watchers.length} watched)`);
} finally {
  for (const w of watchers) w.close();
  fs.rmSync(dir, { recursive: true, force: true });
}
