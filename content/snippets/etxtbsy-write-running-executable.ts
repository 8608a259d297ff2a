// "Text file busy" (ETXTBSY) in both directions on Linux: a program cannot open a running
// executable for writing (a deploy that copies a new binary over the running one), and a file
// that is still open for writing cannot be executed (a tool writes a binary, then runs it
// before every descriptor to it is closed). Writing a new file and renaming it over the old
// one always works.
// Run: node etxtbsy-write-running-executable.ts   (Linux, Node >= 22.18, no install)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';

setTimeout(() => {
  console.log('gave up: nothing happened within 8 s');
  process.exit(1);
}, 8000).unref();

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'etxtbsy-'));
const show = (s: string) => s.replaceAll(`${dir}/`, '');
function attempt(what: string, action: () => void): void {
  try {
    action();
    console.log(`${what}: ok`);
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    console.log(`${what}: failed ${e.code} (syscall ${e.syscall})`);
    console.log(`  message: ${show(e.message)}`);
  }
}
// Starts a program and reports whether it could be started, and how it ended. Node throws
// spawn errors other than EACCES, EAGAIN, EMFILE, ENFILE and ENOENT at once, from spawn()
// itself, instead of emitting 'error' (lib/internal/child_process.js): ETXTBSY is thrown.
async function run(file: string): Promise<void> {
  try {
    const child = spawn(file, [], { stdio: 'ignore' });
    const [code] = await once(child, 'exit');
    console.log(`spawn ${show(file)}: ran, exit status ${code}`);
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    console.log(`spawn ${show(file)}: threw ${e.code} (syscall ${e.syscall})`);
    console.log(`  message: ${show(e.message)}`);
  }
}

const app = path.join(dir, 'app');
let server: ReturnType<typeof spawn> | null = null;
try {
  // 1. The deployed program is running (a copy of sleep stands in for a server binary).
  fs.copyFileSync('/bin/sleep', app);
  fs.chmodSync(app, 0o755);
  server = spawn(app, ['30'], { stdio: 'ignore' });
  await once(server, 'spawn');
  console.log('app: running');
  // A deploy that writes the new version into the same file.
  attempt('overwrite app in place (fs.writeFileSync)', () => fs.writeFileSync(app, 'new version'));
  attempt('copy a new build over app (fs.copyFileSync)', () => fs.copyFileSync('/bin/true', app));
  const cp = spawnSync('cp', ['/bin/true', app], { encoding: 'utf8', timeout: 4000 });
  console.log(`cp /bin/true app: exit status ${cp.status}, says "Text file busy": ${cp.stderr.includes('Text file busy')}`);
  // The safe deploy: write a new file, then rename it over the old name. The running process
  // keeps the old file (its inode) until it exits; the next start gets the new one.
  fs.copyFileSync('/bin/true', `${app}.new`);
  fs.chmodSync(`${app}.new`, 0o755);
  attempt('write app.new, then rename app.new -> app', () => fs.renameSync(`${app}.new`, app));
  server.kill();
  await once(server, 'exit');
  server = null;

  // 2. The reverse: a tool writes an executable and runs it while a descriptor to it is
  // still open for writing (here on purpose; in real programs often a forked child holds it).
  const tool = path.join(dir, 'tool');
  const fd = fs.openSync(tool, 'w', 0o755);
  fs.writeSync(fd, fs.readFileSync('/bin/true'));
  await run(tool);
  fs.closeSync(fd);
  console.log('tool: closed the descriptor open for writing');
  await run(tool);
} finally {
  server?.kill('SIGKILL');
  fs.rmSync(dir, { recursive: true, force: true });
}
