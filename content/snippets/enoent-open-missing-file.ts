// Opening a file that is not there fails with ENOENT, "no such file or directory". The same
// error comes back when the file name is fine but a directory on the way to it is missing
// (writing a log file into a folder nobody created), and when the name is a symbolic link
// whose target is gone.
// Run: node enoent-open-missing-file.ts   (Node >= 22.18, no install)
import fs from 'node:fs';
import fsp from 'node:fs/promises';

setTimeout(() => {
  console.log('gave up: nothing happened within 8 s');
  process.exit(1);
}, 8000).unref();

// Prints what Node reports: the code, the errno number, the system call, the path and the
// message, which is what ends up in logs.
function report(what: string, err: unknown): void {
  const e = err as NodeJS.ErrnoException;
  console.log(`${what}: failed ${e.code} (errno ${e.errno}, syscall ${e.syscall}, path '${e.path}')`);
  console.log(`message: ${e.message}`);
}

const dir = 'enoent-demo';
fs.rmSync(dir, { recursive: true, force: true });
fs.mkdirSync(dir);

// 1. Reading a file that does not exist.
try {
  await fsp.readFile(`${dir}/config.json`, 'utf8');
  console.log('readFile config.json: ok');
} catch (err) {
  report('readFile config.json', err);
}

// 2. Writing creates the file, but not the directory it goes into.
try {
  fs.writeFileSync(`${dir}/logs/app.log`, 'started\n');
  console.log('writeFile logs/app.log: ok');
} catch (err) {
  report('writeFile logs/app.log', err);
}
fs.mkdirSync(`${dir}/logs`, { recursive: true });
fs.writeFileSync(`${dir}/logs/app.log`, 'started\n');
console.log('writeFile logs/app.log after mkdir -p: ok');

// 3. A symbolic link whose target is gone: the name is listed, yet open() fails.
fs.symlinkSync('config.json.orig', `${dir}/config.json`);
console.log(`readdir lists: ${fs.readdirSync(dir).sort().join(', ')}`);
try {
  fs.closeSync(fs.openSync(`${dir}/config.json`, 'r'));
  console.log('open config.json (dangling symlink): ok');
} catch (err) {
  report('open config.json (dangling symlink)', err);
}
console.log(`existsSync(config.json): ${fs.existsSync(`${dir}/config.json`)}`);
console.log(`lstat(config.json) is a symbolic link: ${fs.lstatSync(`${dir}/config.json`).isSymbolicLink()}`);

fs.rmSync(dir, { recursive: true, force: true });
