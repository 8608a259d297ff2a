// Runs one snippet in its own process group with a hard timeout and bounded output.
import { spawn } from 'node:child_process';
import type { RunOutcome } from './judge.ts';

export interface RunOptions {
  timeoutMs: number;
  /** Bytes of stdout+stderr kept before the run is cut and failed. */
  maxOutputBytes?: number;
  /** The Node binary; defaults to the one running the verifier (the pinned Node 22). */
  node?: string;
}

/** Kills the whole process group, so grandchildren (servers a snippet forked) die too. */
function killGroup(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}

/** Runs `node <file>` and resolves with what it printed; never rejects, never outlives the timeout. */
export function runSnippet(file: string, options: RunOptions): Promise<RunOutcome> {
  const maxBytes = options.maxOutputBytes ?? 64 * 1024;
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(options.node ?? process.execPath, [file], {
      detached: true, // its own process group, killed as a whole
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NODE_NO_WARNINGS: '1', FORCE_COLOR: '0' },
    });
    let stdout = '';
    let stderr = '';
    let bytes = 0;
    let timedOut = false;
    let outputCut = false;
    const onData = (append: (s: string) => void) => (chunk: Buffer) => {
      bytes += chunk.length;
      if (bytes > maxBytes) {
        outputCut = true;
        killGroup(child.pid);
        return;
      }
      append(chunk.toString('utf8'));
    };
    child.stdout.on(
      'data',
      onData((s) => (stdout += s)),
    );
    child.stderr.on(
      'data',
      onData((s) => (stderr += s)),
    );
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup(child.pid);
    }, options.timeoutMs);
    const finish = (exitCode: number | null) => {
      clearTimeout(timer);
      // A snippet that exits while leaving a forked process behind must not leak it.
      killGroup(child.pid);
      resolve({ stdout, stderr, exitCode, timedOut, outputCut, durationMs: performance.now() - started });
    };
    child.on('error', (err) => {
      stderr += String(err);
      finish(null);
    });
    child.on('close', (code) => finish(code));
  });
}
