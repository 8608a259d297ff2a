// A file name longer than NAME_MAX (255 bytes on Linux file systems) fails with
// ENAMETOOLONG, "name too long". The limit is in bytes, not characters: 100 Chinese
// characters are 300 bytes in UTF-8. A whole path of PATH_MAX (4096) bytes or more fails
// too, even when every component is short and the file exists.
// Run: node enametoolong-path-component.ts   (Node >= 22.18, Linux, no install)
import fs from 'node:fs';

setTimeout(() => {
  console.log('gave up: nothing happened within 8 s');
  process.exit(1);
}, 8000).unref();

// Prints the outcome; the long path in the message is replaced by a short description.
function attempt(what: string, path: string, op: () => unknown): void {
  try {
    op();
    console.log(`${what}: ok`);
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    console.log(`${what}: failed ${e.code} (errno ${e.errno}, syscall ${e.syscall})`);
    console.log(`message: ${e.message.replace(path, '<that path>')}`);
  }
}

const dir = 'enametoolong-demo';
fs.rmSync(dir, { recursive: true, force: true });
fs.mkdirSync(dir);

for (const n of [255, 256]) {
  const path = `${dir}/${'a'.repeat(n - 4)}.txt`;
  attempt(`create a file whose name is ${n} bytes`, path, () => fs.writeFileSync(path, 'x'));
}

// Titles in other scripts reach the limit with fewer characters (3 bytes each here).
for (const chars of [85, 100]) {
  const name = '文'.repeat(chars);
  const path = `${dir}/${name}`;
  attempt(`create a file named with ${chars} Chinese characters (${Buffer.byteLength(name)} bytes)`, path, () => fs.writeFileSync(path, 'x'));
}

// The whole path: "./" repeated leads back to the same directory, so only the length differs.
fs.writeFileSync(`${dir}/ok.txt`, 'x');
for (const repeats of [2000, 2048]) {
  const path = `${dir}/${'./'.repeat(repeats)}ok.txt`;
  attempt(`read ok.txt through a path of ${Buffer.byteLength(path)} bytes`, path, () => fs.readFileSync(path));
}

fs.rmSync(dir, { recursive: true, force: true });
