// Creating something that already exists fails with EEXIST, "file already exists", when the
// caller asked for a new one: open() with O_CREAT|O_EXCL (Node's 'wx' flag), mkdir() of an
// existing directory, symlink() onto an existing name. mkdir with { recursive: true } does
// not fail: an existing directory is what it wants. The exclusive create is also the safe
// way to take a lock file: exactly one of several processes wins.
// Run: node eexist-exclusive-create-and-mkdir.ts   (Node >= 22.18, no install)
import fs from 'node:fs';

setTimeout(() => {
  console.log('gave up: nothing happened within 8 s');
  process.exit(1);
}, 8000).unref();

// Runs one operation and prints "ok" or the error code and message.
function attempt(what: string, op: () => void): void {
  try {
    op();
    console.log(`${what}: ok`);
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    console.log(`${what}: failed ${e.code} (errno ${e.errno}, syscall ${e.syscall})`);
    console.log(`message: ${e.message}`);
  }
}

const dir = 'eexist-demo';
fs.rmSync(dir, { recursive: true, force: true });
fs.mkdirSync(dir);

// 1. A lock file: 'wx' is O_WRONLY|O_CREAT|O_EXCL; the second creator loses.
attempt("first writeFile app.lock with flag 'wx'", () => fs.writeFileSync(`${dir}/app.lock`, 'owner 1\n', { flag: 'wx' }));
attempt("second writeFile app.lock with flag 'wx'", () => fs.writeFileSync(`${dir}/app.lock`, 'owner 2\n', { flag: 'wx' }));
console.log(`app.lock still says: ${fs.readFileSync(`${dir}/app.lock`, 'utf8').trim()}`);
attempt("writeFile app.lock with the default flag 'w'", () => fs.writeFileSync(`${dir}/app.lock`, 'owner 3\n'));

// 2. mkdir of an existing directory, with and without recursive.
attempt('mkdir uploads', () => fs.mkdirSync(`${dir}/uploads`));
attempt('mkdir uploads again', () => fs.mkdirSync(`${dir}/uploads`));
attempt('mkdir uploads again with recursive: true', () => fs.mkdirSync(`${dir}/uploads`, { recursive: true }));

// 3. recursive: true still fails when the name is taken by a file, not a directory.
attempt('mkdir app.lock with recursive: true (a file has that name)', () => fs.mkdirSync(`${dir}/app.lock`, { recursive: true }));

// 4. symlink onto an existing name.
attempt('symlink current -> uploads', () => fs.symlinkSync('uploads', `${dir}/current`));
attempt('symlink current -> uploads again', () => fs.symlinkSync('uploads', `${dir}/current`));

fs.rmSync(dir, { recursive: true, force: true });
