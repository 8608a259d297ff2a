// The verify command end to end on a copy of the content: a snippet gutted to observe
// nothing must fail the build with a message naming its scenario.
import { describe, expect, it } from 'vitest';
import { cpSync, existsSync, mkdtempSync, writeFileSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const verify = join(repo, 'scripts', 'verify.ts');

function copyContent(): string {
  const dir = mkdtempSync(join(tmpdir(), 'errno-kb-'));
  cpSync(join(repo, 'content'), join(dir, 'content'), { recursive: true });
  return dir;
}

const runVerify = (root: string, ...slugs: string[]) =>
  spawnSync(process.execPath, [verify, '--root', root, '--runs', '1', ...slugs], { encoding: 'utf8', timeout: 240_000 });

describe('scripts/verify.ts', () => {
  it('fails naming the scenario whose snippet observes nothing', () => {
    const root = copyContent();
    const slug = 'rst-on-close-with-unread-data';
    writeFileSync(join(root, 'content', 'snippets', `${slug}.ts`), '// gutted\n');
    const r = runVerify(root, slug);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`scenario "${slug}" failed`);
    expect(r.stderr).toContain('expected line not observed');
    expect(r.stderr).toContain('run 1: FAILED');
  }, 240_000);

  it('verifies only the scenarios named, and then leaves the results file alone', () => {
    const root = copyContent();
    const r = runVerify(root, 'connect-to-port-with-no-listener');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('verify: 1 scenario(s)');
    expect(existsSync(join(root, 'generated', 'verification.json'))).toBe(false);
    const oneLine = spawnSync(process.execPath, [verify, '--root', root, '--runs', '1', '--node', '22'], {
      encoding: 'utf8',
      timeout: 240_000,
    });
    expect(oneLine.status, oneLine.stderr).toBe(0);
    expect(oneLine.stdout).toContain('verify: only some scenarios or runtimes were verified');
    expect(existsSync(join(root, 'generated', 'verification.json'))).toBe(false);
    const unknown = runVerify(root, 'no-such-scenario');
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain('no scenario "no-such-scenario" (content/scenarios/no-such-scenario.mdx does not exist)');
  }, 240_000);

  it('fails naming file and field when a scenario references an unknown error', () => {
    const root = copyContent();
    const file = join(root, 'content', 'scenarios', 'connect-to-port-with-no-listener.mdx');
    writeFileSync(file, readFileSync(file, 'utf8').replace('errors: [ECONNREFUSED,', 'errors: [ECONNREFUZED,'));
    const r = runVerify(root);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(
      'content/scenarios/connect-to-port-with-no-listener.mdx: errors.0: [error-references] unknown error "ECONNREFUZED"',
    );
  });

  it('passes on the real content and records the environment', () => {
    const root = copyContent();
    const r = runVerify(root);
    expect(r.status, r.stderr).toBe(0);
    const results = JSON.parse(readFileSync(join(root, 'generated', 'verification.json'), 'utf8'));
    expect(results.environment.node).toMatch(/^v22\./);
    // Every scenario on each Node.js line npm ci installed, the pinned one first.
    expect(results.environment.runtimes.map((v: string) => v.split('.')[0])).toEqual(['v22', 'v24', 'v26']);
    for (const r of Object.values(results.scenarios) as Array<{ runtimes: unknown[] }>) expect(r.runtimes).toHaveLength(3);
    expect(results.environment.isolation).toBe('namespaces');
    expect(results.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(Object.keys(results.scenarios).sort()).toEqual(
      readdirSync(join(root, 'content', 'scenarios'))
        .filter((f) => f.endsWith('.mdx'))
        .map((f) => f.replace(/\.mdx$/, ''))
        .sort(),
    );
  }, 240_000);
});
