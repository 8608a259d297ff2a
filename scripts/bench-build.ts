// Build benchmark: wall time and peak memory of each build step (verify, astro build,
// pagefind) for today's content, then for 3x and 10x synthetic content, each in a temporary
// copy of the project. Prints a table and whether time grows linearly with the page count.
//
//   npm run bench:build                       # sizes 1,3,10
//   npm run bench:build -- --sizes 1,3 --runs 1
//
// Synthetic content: every Linux and Winsock error is cloned under new names (EFAKE00001,
// WSAEFAKE00001) and numbers that cannot collide (>= 100000), with its platforms.yaml entry;
// every scenario is cloned with its snippet under a new slug (<slug>-x2 ...). Messages, guides
// and sources are left as they are. Temporary workspaces are removed at the end.
import { spawn } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { parseDocument, stringify } from 'yaml';

const repo = fileURLToPath(new URL('..', import.meta.url));
/** A step that runs longer than this is killed and reported as failed (keeps the bench bounded). */
const stepTimeoutMs = 20 * 60_000;

interface StepResult {
  seconds: number;
  /** Largest resident set of any single process of the step (GNU time %M, or polled VmHWM). */
  peakMB: number;
  /** Largest sum of resident sets over the step's process tree at one moment (polled). */
  treeMB: number;
  ok: boolean;
  tail: string;
}

/** Children of `pid` and their descendants, from /proc. */
function tree(pid: number): number[] {
  const parent = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      parent.set(Number(name), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // Exited.
    }
  }
  const out = [pid];
  for (let i = 0; i < out.length; i++) for (const [child, p] of parent) if (p === out[i]) out.push(child);
  return out;
}

function statusKB(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  try {
    const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

const gnuTime = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

/** Runs one step, measuring wall time and memory; never outlives stepTimeoutMs. */
function measure(cwd: string, command: string[], env: NodeJS.ProcessEnv = {}): Promise<StepResult> {
  const timeFile = join(cwd, '.bench-time');
  const argv = gnuTime ? [gnuTime, '-f', '%e %M', '-o', timeFile, ...command] : command;
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(argv[0], argv.slice(1), {
      cwd,
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let output = '';
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString('utf8')).slice(-4000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    let treeKB = 0;
    let hwmKB = 0;
    const poll = setInterval(() => {
      if (child.pid === undefined) return;
      const pids = tree(child.pid);
      treeKB = Math.max(
        treeKB,
        pids.reduce((sum, p) => sum + statusKB(p, 'VmRSS'), 0),
      );
      for (const p of pids) hwmKB = Math.max(hwmKB, statusKB(p, 'VmHWM'));
    }, 100);
    const timer = setTimeout(() => {
      output += `\nbench: killed after ${stepTimeoutMs / 1000} s`;
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // Gone.
      }
    }, stepTimeoutMs);
    child.on('close', (code) => {
      clearInterval(poll);
      clearTimeout(timer);
      let seconds = (performance.now() - started) / 1000;
      let peakKB = hwmKB;
      if (gnuTime && existsSync(timeFile)) {
        const m = /([\d.]+) (\d+)\s*$/.exec(readFileSync(timeFile, 'utf8'));
        if (m) {
          seconds = Number(m[1]);
          peakKB = Math.max(peakKB, Number(m[2]));
        }
        rmSync(timeFile, { force: true });
      }
      resolve({
        seconds,
        peakMB: peakKB / 1024,
        treeMB: treeKB / 1024,
        ok: code === 0,
        tail: output.trim().split('\n').slice(-15).join('\n'),
      });
    });
  });
}

/** A copy of the project to build in, with content multiplied `factor` times. */
function workspace(factor: number): string {
  const ws = mkdtempSync(join(tmpdir(), `errno-kb-bench-${factor}x-`));
  for (const p of ['content', 'src', 'scripts', 'public', 'astro.config.mjs', 'tsconfig.json', 'package.json']) {
    if (existsSync(join(repo, p))) cpSync(join(repo, p), join(ws, p), { recursive: true });
  }
  symlinkSync(join(repo, 'node_modules'), join(ws, 'node_modules'));
  mkdirSync(join(ws, 'generated'), { recursive: true });
  if (factor > 1) multiply(ws, factor);
  return ws;
}

function readYaml(path: string): Record<string, Record<string, unknown>> {
  return (parseDocument(readFileSync(path, 'utf8')).toJS() ?? {}) as Record<string, Record<string, unknown>>;
}

function multiply(ws: string, factor: number): void {
  const errors = join(ws, 'content', 'errors');
  const linux = readYaml(join(errors, 'linux.yaml'));
  const winsock = readYaml(join(errors, 'winsock.yaml'));
  const platformsPath = join(errors, 'platforms.yaml');
  const platforms = existsSync(platformsPath) ? readYaml(platformsPath) : {};
  let n = 0;
  const fakeLinux: typeof linux = {};
  const fakeWinsock: typeof winsock = {};
  const fakePlatforms: typeof platforms = {};
  for (let copy = 2; copy <= factor; copy++) {
    for (const [name, e] of Object.entries(linux)) {
      n++;
      const fake = `EFAKE${String(n).padStart(5, '0')}`;
      const { aliases: _a, archNumbers: _b, ...rest } = e;
      fakeLinux[fake] = { ...rest, number: 100_000 + n };
      if (platforms[name]) fakePlatforms[fake] = platforms[name];
    }
    for (const e of Object.values(winsock)) {
      n++;
      fakeWinsock[`WSAEFAKE${String(n).padStart(5, '0')}`] = { ...e, number: 100_000 + n };
    }
  }
  writeFileSync(join(errors, 'linux.yaml'), stringify({ ...linux, ...fakeLinux }));
  writeFileSync(join(errors, 'winsock.yaml'), stringify({ ...winsock, ...fakeWinsock }));
  if (existsSync(platformsPath)) writeFileSync(platformsPath, stringify({ ...platforms, ...fakePlatforms }));

  const scenarios = join(ws, 'content', 'scenarios');
  const snippets = join(ws, 'content', 'snippets');
  for (const file of readdirSync(scenarios).filter((f) => f.endsWith('.mdx'))) {
    const slug = file.slice(0, -'.mdx'.length);
    if (!existsSync(join(snippets, `${slug}.ts`))) continue;
    for (let copy = 2; copy <= factor; copy++) {
      const text = readFileSync(join(scenarios, file), 'utf8').replace(
        /^title: (.*)$/m,
        (_m, t: string) => `title: ${JSON.stringify(`${t.replace(/^["']|["']$/g, '')} (copy ${copy})`)}`,
      );
      writeFileSync(join(scenarios, `${slug}-x${copy}.mdx`), text);
      cpSync(join(snippets, `${slug}.ts`), join(snippets, `${slug}-x${copy}.ts`));
    }
  }
}

function countFiles(dir: string, ext: string): number {
  if (!existsSync(dir)) return 0;
  let n = 0;
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) n += countFiles(p, ext);
    else if (name.endsWith(ext)) n++;
  }
  return n;
}

interface SizeResult {
  factor: number;
  pages: number;
  scenarios: number;
  steps: Record<string, StepResult | undefined>;
}

async function benchSize(factor: number, runs: string, concurrency: string | undefined): Promise<SizeResult> {
  const ws = workspace(factor);
  const node = process.execPath;
  const scenarios = readdirSync(join(ws, 'content', 'scenarios')).filter((f) => f.endsWith('.mdx')).length;
  const result: SizeResult = { factor, pages: 0, scenarios, steps: {} };
  try {
    const steps: Array<[string, string[]]> = [
      ['verify', [node, 'scripts/verify.ts', '--runs', runs, ...(concurrency ? ['--concurrency', concurrency] : [])]],
      ['astro build', [node, 'node_modules/astro/bin/astro.mjs', 'build']],
      ['pagefind', [node, 'node_modules/pagefind/lib/runner/bin.cjs', '--site', 'dist']],
    ];
    for (const [name, command] of steps) {
      if (name === 'pagefind' && !existsSync(join(ws, command[1]))) command.splice(0, 2, join(ws, 'node_modules', '.bin', 'pagefind'));
      process.stdout.write(`bench: ${factor}x ${name}... `);
      const r = await measure(ws, command);
      result.steps[name] = r;
      console.log(`${r.ok ? 'ok' : 'FAILED'} ${r.seconds.toFixed(1)} s, ${r.peakMB.toFixed(0)} MB`);
      if (!r.ok) {
        console.log(`bench: ${factor}x ${name} failed; last output:\n${r.tail}`);
        break;
      }
      if (name === 'astro build') result.pages = countFiles(join(ws, 'dist'), '.html');
    }
  } finally {
    rmSync(ws, { recursive: true, force: true });
  }
  return result;
}

function table(results: SizeResult[]): string {
  const names = ['verify', 'astro build', 'pagefind'];
  const rows = [['size', 'pages', 'scenarios', ...names.flatMap((n) => [`${n} s`, `${n} MB`]), 'tree MB (max)', 'total s']];
  for (const r of results) {
    const cells = names.flatMap((n) => {
      const s = r.steps[n];
      return s ? [`${s.seconds.toFixed(1)}${s.ok ? '' : '!'}`, s.peakMB.toFixed(0)] : ['-', '-'];
    });
    const steps = Object.values(r.steps).filter((s): s is StepResult => !!s);
    rows.push([
      `${r.factor}x`,
      String(r.pages),
      String(r.scenarios),
      ...cells,
      Math.max(0, ...steps.map((s) => s.treeMB)).toFixed(0),
      steps.reduce((t, s) => t + s.seconds, 0).toFixed(1),
    ]);
  }
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  return rows.map((r) => r.map((c, i) => c.padStart(widths[i])).join('  ')).join('\n');
}

/** Time per unit of work at the largest size against the smallest: about 1 means linear. */
function growth(results: SizeResult[]): string[] {
  const ok = results.filter((r) => Object.values(r.steps).every((s) => s?.ok) && Object.keys(r.steps).length === 3);
  if (ok.length < 2) return ['growth: not enough successful sizes to judge'];
  const [small, large] = [ok[0], ok[ok.length - 1]];
  const lines: string[] = [];
  const judge = (name: string, unitSmall: number, unitLarge: number, unit: string) => {
    const a = small.steps[name]!.seconds / unitSmall;
    const b = large.steps[name]!.seconds / unitLarge;
    const ratio = b / a;
    const verdict = ratio <= 1.3 ? 'linear or better' : ratio <= 2 ? 'slightly super-linear' : 'super-linear: investigate';
    lines.push(
      `growth: ${name.padEnd(11)} ${(a * 1000).toFixed(1)} ms/${unit} at ${small.factor}x -> ${(b * 1000).toFixed(1)} ms/${unit} at ${large.factor}x (x${ratio.toFixed(2)}): ${verdict}`,
    );
  };
  judge('verify', small.scenarios, large.scenarios, 'scenario');
  judge('astro build', small.pages, large.pages, 'page');
  judge('pagefind', small.pages, large.pages, 'page');
  lines.push(
    'growth: fixed start-up costs (Vite, loading content) make small sizes look slower per unit; a ratio near or below 1 is linear.',
  );
  return lines;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      sizes: { type: 'string', default: '1,3,10' },
      runs: { type: 'string', default: process.env.VERIFY_RUNS ?? '3' },
      concurrency: { type: 'string' },
    },
  });
  const sizes = values.sizes
    .split(',')
    .map(Number)
    .filter((n) => Number.isInteger(n) && n >= 1 && n <= 20);
  console.log(
    `bench: sizes ${sizes.join(', ')}x; verify runs ${values.runs}; peak memory via ${gnuTime ? '/usr/bin/time %M and /proc polling' : '/proc polling'}`,
  );
  const results: SizeResult[] = [];
  for (const factor of sizes) results.push(await benchSize(factor, values.runs, values.concurrency));
  console.log(`\n${table(results)}\n`);
  console.log(
    "MB = peak resident set of the largest single process of the step; tree MB = largest sum over a step's process tree at one moment; ! = step failed.",
  );
  for (const line of growth(results)) console.log(line);
  if (results.some((r) => Object.values(r.steps).some((s) => s && !s.ok))) process.exitCode = 1;
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
