// Symbolic links that point at each other form a loop, and any lookup through them fails
// with ELOOP, "too many symbolic links encountered". Linux gives up after following 40
// links in one lookup, so a chain of 41 links fails even without a loop. Opening a
// symbolic link with O_NOFOLLOW fails with ELOOP too.
// Run: node eloop-symlink-loop.ts   (Node >= 22.18, Linux, no install)
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

const dir = 'eloop-demo';
fs.rmSync(dir, { recursive: true, force: true });
fs.mkdirSync(dir);

// 1. Two links pointing at each other (a deployment that swapped "current" and "previous").
fs.symlinkSync('previous', `${dir}/current`);
fs.symlinkSync('current', `${dir}/previous`);
attempt('readFile current (current -> previous -> current)', () => fs.readFileSync(`${dir}/current`));
attempt('stat current', () => fs.statSync(`${dir}/current`));
attempt('lstat current (the link itself)', () => fs.lstatSync(`${dir}/current`));
console.log(`existsSync current: ${fs.existsSync(`${dir}/current`)}`);

// 2. A straight chain without a loop: link1 -> target.txt, link2 -> link1, ...
fs.writeFileSync(`${dir}/target.txt`, 'x');
let previous = 'target.txt';
for (let i = 1; i <= 41; i++) {
  fs.symlinkSync(previous, `${dir}/link${i}`);
  previous = `link${i}`;
}
attempt('readFile link40 (40 links to follow)', () => fs.readFileSync(`${dir}/link40`));
attempt('readFile link41 (41 links to follow)', () => fs.readFileSync(`${dir}/link41`));

// 3. O_NOFOLLOW refuses to open a symbolic link at all.
attempt('open link1 with O_NOFOLLOW', () => fs.closeSync(fs.openSync(`${dir}/link1`, fs.constants.O_RDONLY | fs.constants.O_NOFOLLOW)));

fs.rmSync(dir, { recursive: true, force: true });
