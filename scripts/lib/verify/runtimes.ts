// The Node.js lines every scenario is verified on: the pinned one (the verifier's own) and the
// other LTS lines that `npm ci` installs (src/loaders/installed-runtimes.ts), so nothing is
// downloaded from elsewhere.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { otherRuntimes } from '../../../src/loaders/installed-runtimes.ts';
import { currentRuntime, major, type Runtime } from './verify.ts';

const nodeModules = fileURLToPath(new URL('../../../node_modules/', import.meta.url));

/**
 * The pinned runtime first, then each other line. `only` (VERIFY_NODE, e.g. "22,26") keeps
 * the lines whose major version it names. Throws when a line is missing: a build that quietly
 * verified on fewer runtimes would claim more than it checked.
 */
export function findRuntimes(only?: string): Runtime[] {
  const runtimes = [currentRuntime];
  for (const { pkg, execPath, version } of otherRuntimes(nodeModules)) {
    if (!existsSync(execPath)) throw new Error(`Node.js runtime ${pkg} is missing (${execPath}); run npm ci`);
    const r = spawnSync(execPath, ['--version'], { encoding: 'utf8', timeout: 30_000 });
    if (r.status !== 0) throw new Error(`Node.js runtime ${pkg} does not start: ${r.stderr || r.error?.message}`);
    // The binary must be the version its package says: the build compares them (read-verification.ts).
    if (r.stdout.trim() !== version) throw new Error(`${execPath} is ${r.stdout.trim()}, its package says ${version}; run npm ci`);
    runtimes.push({ version: r.stdout.trim(), execPath });
  }
  if (!only) return runtimes;
  const majors = new Set(only.split(',').map((m) => major(m.trim())));
  return runtimes.filter((r) => majors.has(major(r.version)));
}
