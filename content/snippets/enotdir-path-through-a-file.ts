// A path uses a regular file as if it were a directory ("settings.json/theme" where
// settings.json is a file): the lookup fails with ENOTDIR, "not a directory". The same
// code comes from readdir() on a file, and from a trailing slash after a file name.
// Run: node enotdir-path-through-a-file.ts   (Node >= 22.18, no install)
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

const dir = 'enotdir-demo';
fs.rmSync(dir, { recursive: true, force: true });
fs.mkdirSync(dir);
// A file where a later version of the program expects a directory of the same name.
fs.writeFileSync(`${dir}/cache`, 'old cache format\n');

attempt('readFile cache/index.json', () => fs.readFileSync(`${dir}/cache/index.json`));
attempt('writeFile cache/index.json', () => fs.writeFileSync(`${dir}/cache/index.json`, '{}'));
attempt('mkdir cache/images with recursive: true', () => fs.mkdirSync(`${dir}/cache/images`, { recursive: true }));
attempt('readdir cache', () => fs.readdirSync(`${dir}/cache`));
attempt('stat cache/ (trailing slash)', () => fs.statSync(`${dir}/cache/`));
// existsSync() swallows the error and answers false.
console.log(`existsSync cache/index.json: ${fs.existsSync(`${dir}/cache/index.json`)}`);

// Replacing the file with a directory fixes the path.
fs.rmSync(`${dir}/cache`);
fs.mkdirSync(`${dir}/cache`);
attempt('after replacing the file with a directory: writeFile cache/index.json', () => fs.writeFileSync(`${dir}/cache/index.json`, '{}'));

fs.rmSync(dir, { recursive: true, force: true });
