// Build step: check the content, run every scenario's snippet contained, write generated/verification.json.
// Fails (exit code 1) on any content problem, mismatch, crash, timeout or disagreeing runs.
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { readContent } from '../src/loaders/read-content.ts';
import { checkContent } from '../src/lib/checks.ts';
import { ContentError, formatProblem } from '../src/lib/problems.ts';
import { resultsFingerprint } from '../src/lib/fingerprint.ts';
import { verificationSchema, type Verification } from '../src/schemas/index.ts';
import { verifyAll, describeEnvironment, type VerifyTarget } from './lib/verify/verify.ts';
import { probeSandbox } from './lib/verify/sandbox.ts';
import { findRuntimes } from './lib/verify/runtimes.ts';
import { OTHER_RUNTIME_PACKAGES } from '../src/loaders/installed-runtimes.ts';

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    // `npm run verify -- <slug> ...` verifies only the named scenarios (for authors; the
    // results file is then not written, as it would not cover the whole site).
    allowPositionals: true,
    options: {
      // The tree to verify; the tests point it at a copy with a broken snippet.
      root: { type: 'string', default: fileURLToPath(new URL('..', import.meta.url)) },
      runs: { type: 'string', default: process.env.VERIFY_RUNS ?? '3' },
      // Runs are contained in their own network namespaces, so they share no ports or sysctls
      // and mostly wait on sockets and kernel timers: 3 per core (see the closing measurements).
      concurrency: { type: 'string', default: process.env.VERIFY_CONCURRENCY ?? String(3 * availableParallelism()) },
      // The whole verifier's deadline: past it every run is stopped and the build fails.
      deadline: { type: 'string', default: process.env.VERIFY_DEADLINE_S ?? '900' },
      // Node.js major versions to run on, e.g. "22" while writing a snippet; all three by default.
      node: { type: 'string', default: process.env.VERIFY_NODE ?? '' },
    },
  });
  const root = values.root;
  const runs = Number(values.runs);
  const concurrency = Number(values.concurrency);

  let content;
  try {
    content = readContent(root);
  } catch (err) {
    if (!(err instanceof ContentError)) throw err;
    return fail(err.problems.map(formatProblem));
  }
  const problems = checkContent(content);
  if (problems.length > 0) return fail(problems.map(formatProblem));

  const unknown = positionals.filter((slug) => !content.scenarios.some((s) => s.slug === slug));
  if (unknown.length > 0) return fail(unknown.map((slug) => `no scenario "${slug}" (content/scenarios/${slug}.mdx does not exist)`));
  const chosen = positionals.length > 0 ? content.scenarios.filter((s) => positionals.includes(s.slug)) : content.scenarios;
  const targets: VerifyTarget[] = chosen.map((s) => ({
    slug: s.slug,
    snippet: join(root, 'content', 'snippets', `${s.slug}.ts`),
    expect: s.expect,
    expectByNode: s.expectByNode,
    requires: s.requires,
    timeoutMs: s.timeoutMs,
  }));
  const runtimes = findRuntimes(values.node || undefined);
  if (runtimes[0]?.version !== process.version) return fail([`--node ${values.node} must include the pinned Node.js, ${process.version}`]);
  const sandbox = probeSandbox(process.execPath, root);
  if (sandbox.isolation !== 'namespaces')
    console.warn(`verify: runs are contained only as "${sandbox.isolation}": ${sandbox.notes.join('; ')}`);

  // Interrupted (Ctrl-C, a CI cancel) or past the deadline: stop every run, publish nothing.
  const stop = new AbortController();
  const deadlineS = Number(values.deadline);
  const deadline = setTimeout(() => stop.abort(new Error(`passed its deadline of ${deadlineS} s`)), deadlineS * 1000);
  const onSignal = (signal: NodeJS.Signals) => {
    if (!stop.signal.aborted) stop.abort(new Error(`interrupted by ${signal}`));
    process.exitCode = signal === 'SIGINT' ? 130 : 143;
  };
  process.on('SIGINT', onSignal).on('SIGTERM', onSignal);

  const started = performance.now();
  const scenarios = await verifyAll(targets, { runs, concurrency, sandbox, readOnly: root, signal: stop.signal, runtimes });
  clearTimeout(deadline);
  if (stop.signal.aborted) {
    process.exitCode ||= 1;
    return fail([`verify ${(stop.signal.reason as Error).message}; every run was stopped and no result was written`]);
  }
  const environment = describeEnvironment(runs, sandbox, runtimes);
  const fingerprints = Object.fromEntries(Object.entries(scenarios).map(([slug, r]) => [slug, r.fingerprint]));
  const result: Verification = verificationSchema.parse({
    fingerprint: resultsFingerprint(fingerprints, environment.runtimes, environment.kernel),
    environment,
    durationMs: Math.round(performance.now() - started),
    scenarios,
  });
  // Results for some scenarios or some runtimes would claim the site was checked where it was not.
  if (positionals.length === 0 && runtimes.length === 1 + OTHER_RUNTIME_PACKAGES.length)
    writeAtomically(join(root, 'generated', 'verification.json'), `${JSON.stringify(result, null, 2)}\n`);
  else console.log('verify: only some scenarios or runtimes were verified; generated/verification.json is left as it was');
  report(result);
}

/** Writes beside the target, then renames: a reader sees the old file or the new one, never half. */
function writeAtomically(path: string, text: string): void {
  mkdirSync(join(path, '..'), { recursive: true });
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, text);
  renameSync(temp, path);
}

function report(result: Verification): void {
  const entries = Object.entries(result.scenarios);
  const count = (s: string) => entries.filter(([, r]) => r.status === s).length;
  const env = result.environment;
  console.log(
    `verify: ${entries.length} scenario(s) on ${env.platform} ${env.kernel}, Node ${env.runtimes.join(', ')}, ${env.runs} run(s) each, isolation ${env.isolation}, ${(result.durationMs / 1000).toFixed(1)} s`,
  );
  for (const [slug, r] of entries) {
    console.log(
      `  ${r.status.padEnd(12)} ${slug}${r.runs ? ` (${r.matched}/${r.runs} runs, ${r.durationMs} ms)` : ''}${r.status === 'not-verified' ? ` — ${r.reason}` : ''}`,
    );
  }
  console.log(
    `verify: ${count('verified')} verified, ${count('failed')} failed, ${count('inconclusive')} inconclusive, ${count('not-verified')} not verified`,
  );
  const bad = entries.filter(([, r]) => r.status === 'failed' || r.status === 'inconclusive');
  if (bad.length > 0) {
    fail(
      bad.map(
        ([slug, r]) =>
          `scenario "${slug}" ${r.status} (content/scenarios/${slug}.mdx):\n    ${(r.reason ?? '').split('\n').join('\n    ')}`,
      ),
    );
  }
}

function fail(lines: string[]): void {
  console.error(`verify: FAILED\n${lines.map((l) => `  - ${l}`).join('\n')}`);
  process.exitCode ||= 1;
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
