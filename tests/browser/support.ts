// Shared helpers for real-browser tests: serve dist/ on 127.0.0.1 and launch Chromium once per
// test file, open pages in one shared context, and record every request a page makes so a
// test can assert that nothing goes to any host but the local server.
import { afterAll, beforeAll } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from '../../scripts/lib/browser.ts';
import { serveDist, type DistServer } from '../../scripts/lib/serve-dist.ts';

export const repo = fileURLToPath(new URL('../..', import.meta.url));
export const dist = join(repo, 'dist');

export interface Site {
  /** http://127.0.0.1:<port>, without a trailing slash. */
  readonly url: string;
  readonly browser: Browser;
  /** One context for the whole file: the @sparticuz/chromium build runs --single-process,
   * where closing a context can take the browser down. Close pages, not contexts. */
  readonly context: BrowserContext;
}

/**
 * Registers beforeAll/afterAll hooks that serve dist/ and launch Chromium; the returned
 * object's fields are valid inside tests. `contextOptions` apply to the shared context.
 */
export function useSite(contextOptions: Parameters<Browser['newContext']>[0] = {}): Site {
  let server: DistServer | undefined;
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;
  beforeAll(async () => {
    if (!existsSync(join(dist, 'index.html'))) throw new Error('dist/ is missing: run `npm run build` first');
    server = await serveDist(dist);
    browser = await launchBrowser();
    context = await browser.newContext(contextOptions);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  const need = <T>(v: T | undefined, what: string): T => {
    if (v === undefined) throw new Error(`${what} is not ready: call useSite() at the top of the file`);
    return v;
  };
  return {
    get url() {
      return need(server, 'server').url;
    },
    get browser() {
      return need(browser, 'browser');
    },
    get context() {
      return need(context, 'context');
    },
  };
}

export interface RequestLog {
  /** Every URL the page requested, in order. */
  readonly all: string[];
  /** Requests to any host other than the local server (data: and blob: URLs are local). */
  foreign(): string[];
}

/**
 * Records every request `page` makes. With `block` (the default) requests to other hosts
 * are aborted as well as recorded, so a test never reaches the network.
 */
export async function recordRequests(page: Page, localOrigin: string, { block = true } = {}): Promise<RequestLog> {
  const all: string[] = [];
  const isLocal = (url: string) =>
    url.startsWith(`${localOrigin}/`) || url === localOrigin || url.startsWith('data:') || url.startsWith('blob:') || url === 'about:blank';
  page.on('request', (req) => {
    all.push(req.url());
  });
  if (block) {
    await page.route(
      (url) => !isLocal(url.href),
      (route) => route.abort('blockedbyclient'),
    );
  }
  return {
    all,
    foreign: () => all.filter((u) => !isLocal(u)),
  };
}

export interface ErrorLog {
  /** Uncaught exceptions ('pageerror') and console.error messages. */
  readonly errors: string[];
}

/** Collects uncaught exceptions and console errors of `page`. */
export function watchErrors(page: Page): ErrorLog {
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`console.error: ${msg.text()}`);
  });
  return { errors };
}

/** Opens `path` in a new page of the shared context, with requests and errors recorded. */
export async function open(site: Site, path: string): Promise<{ page: Page; requests: RequestLog; log: ErrorLog }> {
  const page = await site.context.newPage();
  const requests = await recordRequests(page, site.url);
  const log = watchErrors(page);
  const response = await page.goto(`${site.url}${path}`, { waitUntil: 'load' });
  if (!response || response.status() !== 200) throw new Error(`${path}: HTTP ${response?.status()}`);
  return { page, requests, log };
}
