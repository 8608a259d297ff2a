// Measures the instant search in a real browser: time from a keystroke (an input event) to the
// listbox holding the new results, for realistic queries typed one character at a time, with
// today's index and with a synthetic index ten times larger (served in place of the real one).
// Builds nothing: run `npm run build` first. Usage: npm run bench:search
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { launchBrowser } from './lib/browser.ts';
import { serveDist } from './lib/serve-dist.ts';
import { createSearcher } from '../src/lib/search/engine.ts';
import type { SearchIndex } from '../src/lib/search/index-format.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'dist');
const indexFile = join(dist, 'api', 'search-index.json');

/** Targets from the design: per keystroke at 10x, and the index as shipped today. */
const TARGET_MEDIAN_MS = 16;
const TARGET_GZIP_BYTES = 40 * 1024;

const queries = [
  '10054',
  '104',
  'errno 104',
  'econnreset',
  'WSAECONNABORTED',
  'connection reset by peer',
  'conection refused',
  'brokn pipe',
  'address already in use',
  'too many open files',
  'read ECONNRESET',
  'curl: (56) Recv failure: Connection reset by peer',
  '[WinError 10054] An existing connection was forcibly closed by the remote host',
  'recv() failed (104: Connection reset by peer) while reading response header from upstream',
  '连接被重置',
  '管道破裂',
];

/** Ten copies of every entry, each with its own name, numbers and address. */
function synthetic(index: SearchIndex, times: number): SearchIndex {
  const e: SearchIndex['e'] = [];
  const s: SearchIndex['s'] = [];
  const tag = (k: number) => String.fromCharCode(65 + (k % 26)) + String(k);
  for (let k = 0; k < times; k++) {
    for (const x of index.e) {
      if (k === 0) e.push(x);
      else {
        const n = `${x.n}_${tag(k)}`;
        e.push({
          ...x,
          n,
          c: x.c + 20000 * k,
          u: `/synthetic/${k}/${n.toLowerCase()}/`,
          ...(x.x ? { x: { ...x.x, d: x.x.d && x.x.d + 20000 * k } } : {}),
        });
      }
    }
    for (const x of index.s) s.push(k === 0 ? x : { ...x, s: `${x.s}-${k}`, h: `${x.h} (${tag(k)})` });
  }
  return { v: 1, e, s };
}

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

interface Row {
  variant: string;
  entries: number;
  raw: number;
  gzip: number;
  buildMs: number;
  keystrokes: number;
  median: number;
  p95: number;
  max: number;
  timeouts: number;
}

async function main(): Promise<number> {
  if (!existsSync(join(dist, 'index.html')) || !existsSync(indexFile)) {
    console.error(
      'bench:search: dist/ (with dist/api/search-index.json) is missing. Run `npm run build` first; this benchmark builds nothing.',
    );
    return 1;
  }
  const todayJson = readFileSync(indexFile, 'utf8');
  const today = JSON.parse(todayJson) as SearchIndex;
  const tenX = synthetic(today, 10);
  const variants = [
    { name: 'today', body: todayJson },
    { name: '10x synthetic', body: JSON.stringify(tenX) },
  ];

  const server = await serveDist(dist);
  const browser = await launchBrowser();
  const rows: Row[] = [];
  try {
    const context = await browser.newContext();
    for (const v of variants) {
      const index = JSON.parse(v.body) as SearchIndex;
      // Engine set-up cost in Node (parse + createSearcher), for reference.
      const t0 = performance.now();
      createSearcher(JSON.parse(v.body) as SearchIndex);
      const buildMs = performance.now() - t0;

      const page = await context.newPage();
      await page.route(
        (url) => !url.href.startsWith(server.url),
        (route) => route.abort('blockedbyclient'),
      );
      await page.route('**/api/search-index.json', (route) =>
        route.fulfill({ status: 200, contentType: 'application/json; charset=utf-8', body: v.body }),
      );
      await page.goto(`${server.url}/`, { waitUntil: 'load' });
      const loaded = page.waitForResponse((r) => r.url().endsWith('/api/search-index.json'), { timeout: 20_000 });
      await page.focus('#site-search');
      await loaded;
      // Warm up: the first search builds nothing more, but lets the engine module finish loading.
      await page.fill('#site-search', 'econnreset');
      await page.waitForSelector('#site-search-results [role="option"]', { timeout: 20_000 });

      const times = await page.evaluate(async (qs: string[]) => {
        const input = document.querySelector('#site-search') as HTMLInputElement;
        const list = document.querySelector('#site-search-results') as HTMLElement;
        const out: number[] = [];
        let timeouts = 0;
        const step = (value: string) =>
          new Promise<number>((resolve) => {
            let done = false;
            let started = 0;
            const observer = new MutationObserver(() => {
              if (done) return;
              done = true;
              observer.disconnect();
              resolve(performance.now() - started);
            });
            observer.observe(list, { childList: true, subtree: true, attributes: true });
            const timer = setTimeout(() => {
              if (done) return;
              done = true;
              observer.disconnect();
              resolve(-1);
            }, 2000);
            started = performance.now();
            input.value = value;
            input.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: value.slice(-1) }));
            void timer;
          });
        for (const q of qs) {
          const chars = [...q].slice(0, 120);
          for (let i = 1; i <= chars.length; i++) {
            const ms = await step(chars.slice(0, i).join(''));
            if (ms < 0) timeouts++;
            else out.push(ms);
          }
          // Clear between queries (not timed).
          input.value = '';
          input.dispatchEvent(new InputEvent('input', { bubbles: true }));
        }
        return { out, timeouts };
      }, queries);
      await page.close();

      const sorted = [...times.out].sort((a, b) => a - b);
      rows.push({
        variant: v.name,
        entries: index.e.length + index.s.length,
        raw: Buffer.byteLength(v.body),
        gzip: gzipSync(v.body, { level: 9 }).length,
        buildMs,
        keystrokes: sorted.length,
        median: percentile(sorted, 50),
        p95: percentile(sorted, 95),
        max: sorted.at(-1) ?? NaN,
        timeouts: times.timeouts,
      });
    }
  } finally {
    await browser.close();
    await server.close();
  }

  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  const ms = (n: number) => `${n.toFixed(2)} ms`;
  const table = [
    ['index', 'entries', 'raw', 'gzip', 'engine setup', 'keystrokes', 'median', 'p95', 'max', 'timeouts'],
    ...rows.map((r) => [
      r.variant,
      String(r.entries),
      kb(r.raw),
      kb(r.gzip),
      ms(r.buildMs),
      String(r.keystrokes),
      ms(r.median),
      ms(r.p95),
      ms(r.max),
      String(r.timeouts),
    ]),
  ];
  const widths = table[0].map((_, i) => Math.max(...table.map((row) => row[i].length)));
  for (const [i, row] of table.entries()) {
    console.log(row.map((c, j) => c.padEnd(widths[j])).join('  '));
    if (i === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  }
  console.log(
    `\n${queries.length} queries typed one character at a time; time from the input event to the listbox update (MutationObserver), in Chromium.`,
  );

  const todayRow = rows.find((r) => r.variant === 'today');
  const tenRow = rows.find((r) => r.variant !== 'today');
  const checks = [
    {
      ok: (todayRow?.gzip ?? Infinity) <= TARGET_GZIP_BYTES,
      text: `index today ${kb(todayRow?.gzip ?? NaN)} gzip <= ${kb(TARGET_GZIP_BYTES)}`,
    },
    {
      ok: (tenRow?.median ?? Infinity) <= TARGET_MEDIAN_MS,
      text: `median per keystroke at 10x ${ms(tenRow?.median ?? NaN)} <= ${TARGET_MEDIAN_MS} ms`,
    },
    { ok: rows.every((r) => r.timeouts === 0), text: 'every keystroke updated the listbox' },
  ];
  for (const c of checks) console.log(`${c.ok ? 'PASS' : 'FAIL'}  ${c.text}`);
  return checks.every((c) => c.ok) ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
