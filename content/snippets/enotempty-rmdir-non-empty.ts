// Removing a directory that still has entries fails with ENOTEMPTY, "directory not empty":
// rmdir() removes only empty directories. So does rename() onto a non-empty directory.
// fs.rm() with { recursive: true } deletes the contents first, and then the directory.
// Run: node enotempty-rmdir-non-empty.ts   (Node >= 22.18, Linux, no install)
import fs from 'node:fs';

setTimeout(() => {
  console.log('gave up: nothing happened within 8 s');
  process.exit(1);
}, 8000).unref();

// Prints the outcome of one operation: "ok" or the error's code, syscall and message.
function attempt(what: string, op: () => unknown): void {
  try {
    op();
    console.log(`${what}: ok`);
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    console.log(`${what}: failed ${e.code} (errno ${e.errno}, syscall ${e.syscall})`);
    console.log(`message: ${e.message}`);
  }
}

const dir = 'enotempty-demo';
fs.rmSync(dir, { recursive: true, force: true });
fs.mkdirSync(`${dir}/build/assets`, { recursive: true });
fs.writeFileSync(`${dir}/build/index.html`, '<!doctype html>\n');
fs.mkdirSync(`${dir}/build-new`);
fs.writeFileSync(`${dir}/build-new/index.html`, '<!doctype html>\n');

attempt('rmdir build (2 entries)', () => fs.rmdirSync(`${dir}/build`));
attempt('rm build without recursive', () => fs.rmSync(`${dir}/build`));
// Deploying by renaming a new directory over the old one: allowed only onto an empty one.
attempt('rename build-new -> build (build not empty)', () => fs.renameSync(`${dir}/build-new`, `${dir}/build`));
attempt('rm build with recursive: true', () => fs.rmSync(`${dir}/build`, { recursive: true }));
attempt('rename build-new -> build (build gone)', () => fs.renameSync(`${dir}/build-new`, `${dir}/build`));
fs.mkdirSync(`${dir}/empty`);
attempt('rmdir empty', () => fs.rmdirSync(`${dir}/empty`));

fs.rmSync(dir, { recursive: true, force: true });
