// Verifier benchmark: `scripts/verify.ts` of this checkout against an earlier commit, run
// alternately (before, after, before, after...) so that a noisy machine weighs on both alike,
// and, for this checkout, at several concurrencies. Reports wall and CPU seconds per run and
// the after/before ratio of the medians.
//
//   npm run bench:verify                                     # before = 0fa129a, 3 pairs
//   npm run bench:verify -- --before HEAD~3 --pairs 5 --concurrency 4,6,9
//
// "Before" runs in a temporary detached git worktree that shares node_modules; it is removed
// at the end. Each side writes its own generated/verification.json, as `npm run verify` does.
// "Before" runs at its own default concurrency, "after" at each one asked for.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const repo = fileURLToPath(new URL('..', import.meta.url));
const { values } = parseArgs({
  options: {
    // The last commit before the verifier ran snippets in namespaces.
    before: { type: 'string', default: '0fa129a' },
    pairs: { type: 'string', default: '3' },
    concurrency: { type: 'string', default: '4' },
  },
});
const pairs = Number(values.pairs);
const concurrencies = values.concurrency.split(',').map(Number);

interface Sample {
  wall: number;
  cpu: number;
  ok: boolean;
}

/** One verify run in `dir`, timed by GNU time (wall, and user+sys of the whole process tree). */
function verifyOnce(dir: string, concurrency?: number): Sample {
  const out = join(mkdtempSync(join(tmpdir(), 'errno-kb-bench-')), 'time');
  const r = spawnSync('/usr/bin/time', ['-f', '%e %U %S', '-o', out, process.execPath, 'scripts/verify.ts'], {
    cwd: dir,
    env: { ...process.env, VERIFY_CONCURRENCY: concurrency === undefined ? undefined : String(concurrency) },
    encoding: 'utf8',
    timeout: 20 * 60_000,
  });
  const [wall, user, sys] = readFileSync(out, 'utf8').trim().split('\n').at(-1)!.split(' ').map(Number);
  rmSync(join(out, '..'), { recursive: true, force: true });
  return { wall, cpu: user + sys, ok: r.status === 0 };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const before = mkdtempSync(join(tmpdir(), 'errno-kb-before-'));
rmSync(before, { recursive: true });
const git = (...args: string[]) => spawnSync('git', args, { cwd: repo, encoding: 'utf8' });
if (git('worktree', 'add', '--detach', before, values.before).status !== 0) throw new Error(`cannot check out ${values.before}`);
symlinkSync(join(repo, 'node_modules'), join(before, 'node_modules'));
try {
  const samples = new Map<string, Sample[]>();
  const add = (key: string, s: Sample) => samples.set(key, [...(samples.get(key) ?? []), s]);
  for (let i = 0; i < pairs; i++) {
    add(`before (${values.before}), its default concurrency`, verifyOnce(before));
    for (const c of concurrencies) add(`after, concurrency ${c}`, verifyOnce(repo, c));
    console.error(`pair ${i + 1}/${pairs} done`);
  }
  console.log('| variant | runs ok | wall s (each) | median wall | median CPU s |');
  console.log('| --- | --- | --- | --- | --- |');
  for (const [key, xs] of samples) {
    const wall = xs.map((x) => x.wall);
    console.log(
      `| ${key} | ${xs.filter((x) => x.ok).length}/${xs.length} | ${wall.join(', ')} | ${median(wall).toFixed(1)} | ${median(xs.map((x) => x.cpu)).toFixed(1)} |`,
    );
  }
  const [first, ...rest] = [...samples.values()];
  for (const [i, xs] of rest.entries()) {
    const ratio = median(xs.map((x) => x.wall)) / median(first.map((x) => x.wall));
    console.log(`after/before wall ratio at concurrency ${concurrencies[i]}: ${ratio.toFixed(2)}`);
  }
} finally {
  git('worktree', 'remove', '--force', before);
}
