// Reading a directory as if it were a file fails with EISDIR, "illegal operation on a
// directory". open() of a directory for reading succeeds; it is the read() that fails, so
// Node's message says "read". Opening a directory for writing fails at open() already.
// Run: node eisdir-read-a-directory.ts   (Node >= 22.18, Linux, no install)
import fs from 'node:fs';
import fsp from 'node:fs/promises';

setTimeout(() => {
  console.log('gave up: nothing happened within 8 s');
  process.exit(1);
}, 8000).unref();

// Prints the outcome of one operation: "ok" or the error's code, syscall and message.
async function attempt(what: string, op: () => unknown): Promise<void> {
  try {
    await op();
    console.log(`${what}: ok`);
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    console.log(`${what}: failed ${e.code} (errno ${e.errno}, syscall ${e.syscall})`);
    console.log(`message: ${e.message}`);
  }
}

const dir = 'eisdir-demo';
fs.rmSync(dir, { recursive: true, force: true });
fs.mkdirSync(`${dir}/config`, { recursive: true });
fs.writeFileSync(`${dir}/config/app.json`, '{}\n');

// A path that was meant to be a file but is a directory (a volume mounted in its place,
// a directory name passed where a file name was expected).
await attempt('readFile config (a directory)', () => fsp.readFile(`${dir}/config`, 'utf8'));
await attempt('readFileSync config (a directory)', () => fs.readFileSync(`${dir}/config`));
await attempt("openSync config with flag 'r'", () => fs.closeSync(fs.openSync(`${dir}/config`, 'r')));
await attempt('writeFile config (a directory)', () => fsp.writeFile(`${dir}/config`, '{}\n'));
await attempt('readFile config/app.json', () => fsp.readFile(`${dir}/config/app.json`, 'utf8'));
console.log(`stat config: isDirectory() ${fs.statSync(`${dir}/config`).isDirectory()}`);

fs.rmSync(dir, { recursive: true, force: true });
