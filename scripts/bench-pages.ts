// Measures three page types (home, an error page, a scenario page), in both languages, as a phone loads them:
// with Lighthouse (mobile preset, all four categories) when it is installed, and always in
// the Chromium the tests use: bytes before interaction (raw and gzip), requests, First
// Contentful Paint, Largest Contentful Paint and Cumulative Layout Shift.
// Builds nothing: run `npm run build` first. Usage: node scripts/bench-pages.ts [--json]
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { launchBrowser } from './lib/browser.ts';
import { serveDist } from './lib/serve-dist.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'dist');
const english = ['/', '/linux/econnreset/', '/scenarios/rst-on-close-with-unread-data/'];
const pages = [...english, ...english.map((p) => `/zh-cn${p}`)];
/** The design's budget: HTML, CSS and JS before any interaction, gzipped. */
const BUDGET_GZIP = 25 * 1024;

interface Figures {
  page: string;
  requests: number;
  bytes: number;
  gzip: number;
  fcpMs: number;
  lcpMs: number;
  cls: number;
}

/** Lighthouse's scores (0-100) per category, or why there are none. */
const run = promisify(execFile);

async function lighthouse(url: string, chrome: string): Promise<Record<string, number> | string> {
  // Only the Lighthouse the project installed (devDependency): nothing is fetched from elsewhere.
  const bin = join(root, 'node_modules', '.bin', 'lighthouse');
  if (!existsSync(bin)) return 'lighthouse is not installed (devDependency `lighthouse`): no scores';
  // Asynchronous, so that this process's own server keeps answering Lighthouse's requests.
  const args = [
    url,
    '--quiet',
    '--output=json',
    '--output-path=stdout',
    '--only-categories=performance,accessibility,best-practices,seo',
    `--chrome-flags=--headless=new --no-sandbox`,
  ];
  try {
    const { stdout } = await run(bin, args, {
      cwd: root,
      timeout: 180_000,
      maxBuffer: 64 * 1024 * 1024,
      env: { ...process.env, CHROME_PATH: chrome },
    });
    const report = JSON.parse(stdout) as {
      categories: Record<string, { score: number | null }>;
      runtimeError?: { message: string };
      audits: Record<string, { score: number | null; errorMessage?: string }>;
    };
    // A category without a score is a failed measurement, never a 0.
    const failed = Object.entries(report.audits).filter(([, a]) => a.errorMessage);
    if (Object.values(report.categories).some((c) => c.score === null))
      return `lighthouse could not score the page: ${report.runtimeError?.message ?? failed.map(([k, a]) => `${k}: ${a.errorMessage}`).join('; ')}`;
    return Object.fromEntries(Object.entries(report.categories).map(([k, v]) => [k, Math.round((v.score ?? 0) * 100)]));
  } catch (err) {
    const e = err as { stderr?: string; message: string };
    return `lighthouse failed (${e.stderr?.trim().split('\n').at(-1) || e.message})`;
  }
}

async function main(): Promise<void> {
  if (!existsSync(join(dist, 'index.html'))) throw new Error('dist/ is missing: run `npm run build` first');
  const server = await serveDist(dist);
  const browser = await launchBrowser();
  const figures: Figures[] = [];
  const scores: Record<string, Record<string, number> | string> = {};
  try {
    // One context and one page for every measurement: this Chromium runs --single-process.
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 3,
      isMobile: true,
      hasTouch: true,
    });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    // Once: an init script runs on every later navigation of the page.
    await page.addInitScript(() => {
      const w = window as unknown as { __cls: number; __lcp: number };
      w.__cls = 0;
      w.__lcp = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries() as Array<PerformanceEntry & { value: number; hadRecentInput: boolean }>)
          if (!e.hadRecentInput) w.__cls += e.value;
      }).observe({ type: 'layout-shift', buffered: true });
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.__lcp = e.startTime;
      }).observe({ type: 'largest-contentful-paint', buffered: true });
    });
    for (const path of pages) {
      const bodies: Buffer[] = [];
      const onResponse = async (res: import('playwright-core').Response) => {
        if (res.url().startsWith(server.url)) bodies.push(await res.body().catch(() => Buffer.alloc(0)));
      };
      page.on('response', onResponse);
      await page.goto(`${server.url}${path}`, { waitUntil: 'load' });
      await page.waitForLoadState('networkidle', { timeout: 5000 }).catch(() => {});
      // Scroll to the end and back: shifts caused by late content count too.
      await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
      await page.waitForTimeout(300);
      await page.evaluate(() => window.scrollTo(0, 0));
      const m = await page.evaluate(() => {
        const w = window as unknown as { __cls: number; __lcp: number };
        const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? 0;
        return { cls: w.__cls, lcp: w.__lcp, fcp };
      });
      page.off('response', onResponse);
      const all = Buffer.concat(bodies);
      figures.push({
        page: path,
        requests: bodies.length,
        bytes: all.length,
        gzip: bodies.reduce((n, b) => n + gzipSync(b).length, 0),
        fcpMs: Math.round(m.fcp),
        lcpMs: Math.round(m.lcp),
        cls: Math.round(m.cls * 1000) / 1000,
      });
    }
    const chrome = process.env.CHROME_PATH ?? (await (await import('@sparticuz/chromium')).default.executablePath());
    for (const path of pages) {
      // Headless Chromium sometimes records no screenshots (NO_SCREENSHOTS): try at most 3 times.
      for (let attempt = 0; attempt < 3 && typeof scores[path] !== 'object'; attempt++)
        scores[path] = await lighthouse(`${server.url}${path}`, chrome);
    }
  } finally {
    await browser.close();
    await server.close();
  }

  if (process.argv.includes('--json')) {
    console.log(JSON.stringify({ figures, lighthouse: scores }, null, 2));
    return;
  }
  const width = Math.max(...figures.map((f) => f.page.length)) + 2;
  console.log(`${'page'.padEnd(width)}requests    bytes     gzip  FCP ms  LCP ms  CLS`);
  for (const f of figures) {
    console.log(
      `${f.page.padEnd(width)}${String(f.requests).padStart(8)}  ${String(f.bytes).padStart(7)}  ${String(f.gzip).padStart(7)}  ${String(f.fcpMs).padStart(6)}  ${String(f.lcpMs).padStart(6)}  ${f.cls}`,
    );
  }
  console.log(
    `(bytes: everything loaded by the page at 390x844, search index and lazy chunks included if loaded; budget before interaction: ${BUDGET_GZIP} B gzip)`,
  );
  for (const [path, s] of Object.entries(scores)) console.log(`lighthouse ${path}: ${typeof s === 'string' ? s : JSON.stringify(s)}`);
}

await main();
