// Builds the site once before the tests that read dist/ or drive a browser. Set
// REUSE_DIST=1 to test an existing dist/ (e.g. right after `npm run build`).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

export default function setup(): void {
  if (process.env.REUSE_DIST === '1' && existsSync(`${root}dist/index.html`)) return;
  const started = performance.now();
  execFileSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  console.log(`global setup: site built in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
