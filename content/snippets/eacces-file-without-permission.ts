// An unprivileged process opens a file whose permission bits do not let it read, or creates a
// file in a directory it may not write: open() fails with EACCES, "permission denied". Root
// is not stopped: CAP_DAC_OVERRIDE skips the permission bits of files and directories.
// The unprivileged process is a child in a nested user namespace without any uid mapping:
// it keeps the same kernel user but has no capability over these files, so the bits apply.
// Run: node eacces-file-without-permission.ts   (Node >= 22.18, Linux, as root; needs unshare)
import fs from 'node:fs';
import { spawnSync } from 'node:child_process';

const dir = 'eacces-demo';

// Tries the two operations and prints the outcome, prefixed with who tried.
function attempt(who: string): void {
  try {
    const text = fs.readFileSync(`${dir}/secret.txt`, 'utf8').trim();
    console.log(`${who}: read secret.txt (mode 000): "${text}"`);
  } catch (err) {
    console.log(`${who}: read secret.txt (mode 000) failed ${(err as NodeJS.ErrnoException).code}`);
    console.log(`${who}: message: ${(err as Error).message}`);
  }
  try {
    fs.writeFileSync(`${dir}/readonly/app.log`, 'started\n');
    console.log(`${who}: create readonly/app.log (directory mode 555): ok`);
    fs.rmSync(`${dir}/readonly/app.log`);
  } catch (err) {
    console.log(`${who}: create readonly/app.log (directory mode 555) failed ${(err as NodeJS.ErrnoException).code}`);
    console.log(`${who}: message: ${(err as Error).message}`);
  }
}

if (process.argv[2] === 'unprivileged') {
  attempt(`uid ${process.getuid!()} (unprivileged)`);
} else {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(`${dir}/readonly`, { recursive: true });
  fs.writeFileSync(`${dir}/secret.txt`, 'db-password\n', { mode: 0o000 });
  fs.chmodSync(`${dir}/secret.txt`, 0o000);
  fs.chmodSync(`${dir}/readonly`, 0o555);

  // A nested user namespace without a mapping: uid 65534 (the overflow uid), no capabilities
  // over anything outside it (user_namespaces(7)).
  const child = spawnSync('unshare', ['--user', process.execPath, import.meta.filename, 'unprivileged'], {
    encoding: 'utf8',
    timeout: 8000,
  });
  process.stdout.write(child.stdout);
  if (child.status !== 0) console.log(`unprivileged child failed: ${child.error?.message ?? child.stderr.trim()}`);

  const uid = process.getuid!();
  attempt(`uid ${uid}${uid === 0 ? ' (root)' : ' (not root: run this as root to see the bypass)'}`);
  fs.chmodSync(`${dir}/readonly`, 0o755);
  fs.rmSync(dir, { recursive: true, force: true });
}
