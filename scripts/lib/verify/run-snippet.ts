// Runs one snippet, contained (see sandbox.ts), with a hard deadline and bounded output.
import { spawn } from 'node:child_process';
import { chmodSync, chownSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { Readable } from 'node:stream';
import type { RunOutcome } from './judge.ts';
import { invocation, snippetEnvironment, SETUP_FAILED, type Isolation } from './sandbox.ts';
import { parseCounters } from './counters.ts';

export interface RunOptions {
  timeoutMs: number;
  isolation: Isolation;
  /** The tree being verified: read-only to the snippet. */
  readOnly: string;
  /** Leave the host's root user for uid 65534 when the verifier is root (the default). */
  unprivileged?: boolean;
  /** Bytes of stdout+stderr kept before the run is cut and failed. */
  maxOutputBytes?: number;
  /** The Node binary; defaults to the one running the verifier (the pinned Node 22). */
  node?: string;
  /** Variables given to the snippet on top of the minimal environment. */
  env?: Record<string, string>;
  /** Stops the run at once (the build was interrupted or ran past its deadline). */
  signal?: AbortSignal;
}

/**
 * After the deadline, how long to wait for the killed run to report its exit. The result is
 * delivered then whether or not its pipes have closed: a process that escaped the kill (possible
 * only without namespaces) must not hold the build.
 */
export const GRACE_MS = 2000;

/** Kills the whole process group; in namespaces, the PID namespace dies with its first process. */
function killGroup(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}

/** Runs the snippet at `file` and resolves with what it printed; never rejects, never outlives its deadline. */
export function runSnippet(file: string, source: string, options: RunOptions): Promise<RunOutcome> {
  const maxBytes = options.maxOutputBytes ?? 64 * 1024;
  if (options.signal?.aborted) {
    return Promise.resolve({ stdout: '', stderr: '', exitCode: null, timedOut: false, outputCut: false, aborted: true, durationMs: 0 });
  }
  const node = options.node ?? process.execPath;
  const started = performance.now();
  // Without namespaces the snippet still gets a directory of its own, as cwd, HOME and TMPDIR.
  const contained = options.isolation !== 'none';
  const workDir = contained ? undefined : mkdtempSync(join(tmpdir(), 'errno-kb-run-'));
  const name = basename(file);
  const how = invocation(options.isolation, node, workDir ? join(workDir, name) : name, options.readOnly, options.unprivileged);
  if (workDir) {
    chmodSync(workDir, 0o700);
    writeFileSync(join(workDir, name), source, { mode: 0o644 });
    if (how.asUser !== undefined) chownSync(workDir, how.asUser, how.asUser);
  }
  const env = snippetEnvironment({ ...(workDir ? { HOME: workDir, TMPDIR: workDir } : {}), ...options.env });

  return new Promise((resolve) => {
    const child = spawn(how.command, how.args, {
      detached: true, // its own process group, killed as a whole
      stdio: ['pipe', 'pipe', 'pipe', 'pipe'],
      cwd: workDir ?? '/',
      env,
      ...(how.asUser === undefined ? {} : { uid: how.asUser, gid: how.asUser }),
    });
    let stdout = '';
    let stderr = '';
    let counterText = '';
    let bytes = 0;
    let timedOut = false;
    let outputCut = false;
    let aborted = false;
    let exitCode: number | null = null;
    let done = false;

    const capture = (stream: Readable | null, append: (s: string) => void, counted = true) =>
      stream?.on('data', (chunk: Buffer) => {
        if (counted) bytes += chunk.length;
        if (bytes > maxBytes) {
          outputCut = true;
          killGroup(child.pid);
          return;
        }
        append(chunk.toString('utf8'));
      });
    capture(child.stdout, (s) => (stdout += s));
    capture(child.stderr, (s) => (stderr += s));
    capture(child.stdio[3] as Readable | null, (s) => (counterText = (counterText + s).slice(0, maxBytes)), false);
    child.stdin?.on('error', () => {}); // the run may end before reading its source
    child.stdin?.end(how.sourceOnStdin ? source : '');

    const finish = () => {
      if (done) return;
      done = true;
      clearTimeout(deadline);
      clearTimeout(hardStop);
      options.signal?.removeEventListener('abort', onAbort);
      killGroup(child.pid);
      for (const s of [child.stdout, child.stderr, child.stdio[3]]) s?.destroy();
      if (workDir) rmSync(workDir, { recursive: true, force: true });
      const setupFailed = contained && exitCode === SETUP_FAILED && !timedOut && !aborted;
      resolve({
        stdout,
        stderr: setupFailed ? `the sandbox could not be set up: ${stderr.trim()}` : stderr,
        exitCode,
        timedOut,
        outputCut,
        aborted,
        counters: contained ? parseCounters(counterText) : undefined,
        durationMs: performance.now() - started,
      });
    };
    const stop = (why: 'timeout' | 'abort') => {
      if (why === 'timeout') timedOut = true;
      else aborted = true;
      killGroup(child.pid);
      hardStop = setTimeout(finish, GRACE_MS);
    };
    const onAbort = () => stop('abort');
    let hardStop: NodeJS.Timeout | undefined;
    const deadline = setTimeout(() => stop('timeout'), options.timeoutMs);
    if (options.signal?.aborted) stop('abort');
    else options.signal?.addEventListener('abort', onAbort, { once: true });

    child.on('error', (err) => {
      stderr += String(err);
      finish();
    });
    child.on('exit', (code, signal) => {
      exitCode = code ?? (signal ? null : exitCode);
      // Everything in the run is dead by now (namespaces) or about to be killed (group); give
      // the pipes a moment to drain what was printed, then deliver.
      killGroup(child.pid);
      clearTimeout(hardStop);
      hardStop = setTimeout(finish, 500);
    });
    child.on('close', finish);
  });
}
