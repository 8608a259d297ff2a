// Two `astro build` runs in a row, from the same content and the same
// generated/verification.json, produce byte-identical pages (apart from timestamps of the
// verification run, normalised away) and the same asset file names.
//
// Both builds run in a private copy of the project (content/, src/, config, and a frozen copy of
// generated/verification.json), so a verifier run elsewhere rewriting the JSON mid-test cannot
// make them differ. Cost: each build takes ~15-20 s on an idle 2-core machine with today's
// content (~600 pages); the test builds the whole site twice rather than a subset, since a
// subset would need a second config and what matters is that every page is deterministic.
// Under a loaded machine (browser tests in parallel) it can take ~60 s. It does not run
// Pagefind (its index is not part of the page HTML) and never touches dist/.
import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { repo } from './support.ts';

const run = promisify(execFile);

function files(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) files(path, out);
    else out.push(path);
  }
  return out;
}

/** Timestamps of the verification run (ISO date-times, and the bare date the footer shows). */
const normalise = (html: string) =>
  html.replace(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z/g, '<timestamp>').replace(/\b\d{4}-\d{2}-\d{2}\b/g, '<date>');

/** A copy of the project that shares node_modules but nothing that a build or verify writes. */
function workspace(tmp: string): string {
  const ws = join(tmp, 'ws');
  mkdirSync(ws);
  for (const p of ['content', 'src', 'public', 'generated', 'astro.config.mjs', 'tsconfig.json', 'package.json']) {
    if (existsSync(join(repo, p))) cpSync(join(repo, p), join(ws, p), { recursive: true });
  }
  symlinkSync(join(repo, 'node_modules'), join(ws, 'node_modules'));
  return ws;
}

async function build(ws: string, outDir: string): Promise<number> {
  const started = performance.now();
  // The Node running the tests is the pinned one; astro's CLI runs under it.
  await run(process.execPath, [join(ws, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build', '--outDir', outDir], {
    cwd: ws,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
    timeout: 150_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  return (performance.now() - started) / 1000;
}

describe('reproducible build', () => {
  it('two astro builds produce byte-identical HTML pages', async () => {
    const tmp = mkdtempSync(join(tmpdir(), 'errno-kb-repro-'));
    const a = join(tmp, 'a');
    const b = join(tmp, 'b');
    try {
      const ws = workspace(tmp);
      const ta = await build(ws, a);
      const tb = await build(ws, b);
      console.log(`reproducible: builds took ${ta.toFixed(1)} s and ${tb.toFixed(1)} s`);
      const listA = files(a)
        .map((f) => relative(a, f))
        .sort();
      const listB = files(b)
        .map((f) => relative(b, f))
        .sort();
      // Same pages, same hashed asset names.
      expect(listB).toEqual(listA);
      const html = listA.filter((f) => f.endsWith('.html'));
      expect(html.length).toBeGreaterThan(10);
      const differing = html.filter((f) => normalise(readFileSync(join(a, f), 'utf8')) !== normalise(readFileSync(join(b, f), 'utf8')));
      expect(differing.slice(0, 10)).toEqual([]);
      // Everything else (CSS, JS, JSON API, raw snippets, sitemap) byte for byte.
      const other = listA.filter((f) => !f.endsWith('.html') && existsSync(join(b, f)));
      const otherDiffering = other.filter((f) => !readFileSync(join(a, f)).equals(readFileSync(join(b, f))));
      expect(otherDiffering.slice(0, 10)).toEqual([]);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  }, 180_000);
});
