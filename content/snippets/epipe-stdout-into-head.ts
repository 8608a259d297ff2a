// A program writes lines into `| head -n 1`. head prints one line and exits, so the pipe has no
// reader any more, and the writer's next write() fails with EPIPE, "Broken pipe", and raises
// SIGPIPE. What the writer shows depends on what it does with SIGPIPE: Node and Python ignore
// it and report EPIPE (an 'error' event; BrokenPipeError); programs that keep the default,
// like `yes`, are killed by it quietly (exit status 141 = 128 + 13).
// Run: node epipe-stdout-into-head.ts   (Linux or macOS, Node >= 22.18, python3 on PATH)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';

const role = process.argv[2];

if (role === 'node-writer' || role === 'node-writer-handled') {
  // Writes up to 100,000 lines, waiting for 'drain' when the pipe is full.
  if (role === 'node-writer-handled') {
    // The usual fix for CLI tools: a reader that went away is not an error.
    process.stdout.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'EPIPE') process.exit(0);
      throw err;
    });
  }
  for (let i = 0; i < 100_000; i++) {
    if (!process.stdout.write(`line ${i}\n`)) await new Promise((resolve) => process.stdout.once('drain', resolve));
  }
} else {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'epipe-'));
  const node = `"${process.execPath}" "${import.meta.filename}"`;
  const python = (code: string) => `python3 -c '${code}'`;
  const printLines = 'for i in range(100000): print("line", i)';
  // Runs `writer | head -n 1` and reports the writer's exit status and the line of its stderr
  // that names the error (the status the shell saw: 128 + n means killed by signal n).
  function pipeline(label: string, writer: string, errorLine: RegExp): void {
    const script = `{ ${writer} 2>"$0/err"; echo $? >"$0/status"; } | head -n 1 >"$0/out"`;
    spawnSync('/bin/sh', ['-c', script, dir], { timeout: 10_000 });
    const read = (name: string) => fs.readFileSync(path.join(dir, name), 'utf8').trim();
    const stderr = read('err').split('\n').find((l) => errorLine.test(l));
    console.log(`${label}: head printed "${read('out')}"; writer exit status ${read('status')}`);
    console.log(`  stderr: ${stderr ?? '(nothing)'}`);
  }
  try {
    pipeline('node writer | head -n 1', `${node} node-writer`, /^Error: write EPIPE/);
    pipeline("node writer with an 'error' handler | head -n 1", `${node} node-writer-handled`, /EPIPE/);
    pipeline('python writer | head -n 1', python(printLines), /^BrokenPipeError/);
    pipeline('python writer, SIGPIPE default | head -n 1', python(`import signal; signal.signal(signal.SIGPIPE, signal.SIG_DFL)\n${printLines}`), /Broken/);
    pipeline('yes | head -n 1', 'yes', /Broken pipe/);
    pipeline('yes, SIGPIPE ignored | head -n 1', "trap '' PIPE; yes", /Broken pipe/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
