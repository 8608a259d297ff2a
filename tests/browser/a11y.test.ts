// Accessibility in a real browser: axe-core finds no violation on the main page types, in
// light and in dark colour schemes; the skip link is the first Tab stop and moves focus to
// <main>; focus is visible; the theme toggle switches, persists and applies before paint.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from '../../scripts/lib/browser.ts';
import { serveDist, type DistServer } from '../../scripts/lib/serve-dist.ts';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const dist = join(repo, 'dist');
const axePath = join(repo, 'node_modules', 'axe-core', 'axe.min.js');

const errorPage = existsSync(join(repo, 'content', 'guides', 'ECONNRESET.mdx')) ? '/linux/econnreset/' : '/winsock/wsaeconnreset/';
const pages = [
  '/',
  '/linux/',
  errorPage,
  '/scenarios/rst-on-close-with-unread-data/',
  '/search/',
  '/search/?q=reset',
  '/compare/',
  '/api/',
  '/zh-cn/',
  '/zh-cn/linux/econnreset/',
  '/zh-cn/winsock/wsaeconnreset/',
  '/zh-cn/scenarios/rst-on-close-with-unread-data/',
  '/zh-cn/search/?q=半关闭',
  '/zh-cn/compare/',
];
const schemes = ['light', 'dark'] as const;

let browser: Browser;
/** One context for the whole file: the @sparticuz/chromium build runs --single-process, where
 * closing a context can take the browser down. Colour schemes are switched per page instead. */
let context: BrowserContext;
let server: DistServer;
/** Requests the pages made to anything but the local server: must stay empty. */
const offHost: string[] = [];

beforeAll(async () => {
  server = await serveDist(dist);
  browser = await launchBrowser();
  context = await browser.newContext();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function open(path: string, colorScheme: 'light' | 'dark' = 'light'): Promise<Page> {
  const page = await context.newPage();
  await page.emulateMedia({ colorScheme });
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(server.url) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
    offHost.push(`${path} -> ${url}`);
    return route.abort();
  });
  const response = await page.goto(`${server.url}${path}`, { waitUntil: 'load' });
  expect(response?.status(), path).toBe(200);
  return page;
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[]; failureSummary?: string }>;
}

async function violations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: axePath });
  const result = (await page.evaluate(() =>
    (window as unknown as { axe: { run(d: Document, o: object): Promise<{ violations: AxeViolation[] }> } }).axe.run(document, {
      resultTypes: ['violations'],
    }),
  )) as { violations: AxeViolation[] };
  return result.violations.flatMap((v) =>
    v.nodes
      .slice(0, 5)
      .map(
        (n) =>
          `${v.id} (${v.impact}): ${v.help} at ${n.target.join(' ')}${n.failureSummary ? ` — ${n.failureSummary.replace(/\s+/g, ' ').slice(0, 200)}` : ''}`,
      ),
  );
}

describe.each(schemes)('axe, %s colour scheme', (colorScheme) => {
  it.each(pages)(
    `%s has no violations (${colorScheme})`,
    async (path) => {
      const page = await open(path, colorScheme);
      expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(colorScheme === 'dark');
      // Let islands (search box, copy button, theme toggle) finish their first render.
      await page.waitForLoadState('networkidle', { timeout: 5000 }).catch(() => {});
      expect(await violations(page)).toEqual([]);
      await page.close();
    },
    60_000,
  );
});

describe('theme toggle', () => {
  it('overrides the system scheme, persists, and applies before the first paint; axe stays clean', async () => {
    const page = await open('/scenarios/rst-on-close-with-unread-data/', 'light');
    const toggle = page.locator('#theme-toggle');
    await expect.poll(() => toggle.isVisible()).toBe(true);
    const bg = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const light = await bg();
    await toggle.click(); // system -> light
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('light');
    await toggle.click(); // light -> dark
    expect(await page.evaluate(() => [document.documentElement.dataset.theme, localStorage.getItem('theme')])).toEqual(['dark', 'dark']);
    expect(await bg()).not.toBe(light);
    expect(await toggle.textContent()).toContain('dark');
    expect(await violations(page)).toEqual([]);

    // A new page applies the stored choice from <head>, before the body is parsed (no flash).
    await page.addInitScript(() => {
      document.addEventListener('readystatechange', () => {
        if (document.readyState === 'interactive')
          (window as unknown as { themeAtParse: string | undefined }).themeAtParse = document.documentElement.dataset.theme;
      });
      new MutationObserver((_m, obs) => {
        if (document.body) {
          (window as unknown as { themeAtBody: string | undefined }).themeAtBody = document.documentElement.dataset.theme;
          obs.disconnect();
        }
      }).observe(document, { childList: true, subtree: true });
    });
    await page.goto(`${server.url}/`);
    expect(await page.evaluate(() => (window as unknown as { themeAtBody: string | undefined }).themeAtBody)).toBe('dark');

    await page.locator('#theme-toggle').click(); // dark -> system
    expect(await page.evaluate(() => [document.documentElement.dataset.theme ?? null, localStorage.getItem('theme')])).toEqual([
      null,
      null,
    ]);
    await page.close();
  }, 60_000);
});

describe('keyboard', () => {
  it.each(['/', errorPage])(
    '%s: the skip link is the first Tab stop and moves focus to main',
    async (path) => {
      const page = await open(path);
      await page.keyboard.press('Tab');
      const first = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement;
        const style = getComputedStyle(el);
        const box = el.getBoundingClientRect();
        return {
          text: el.textContent?.trim(),
          href: el.getAttribute('href'),
          visible: el.matches(':focus-visible'),
          outline: style.outlineStyle,
          width: parseFloat(style.outlineWidth),
          onScreen: box.right > 0 && box.left < innerWidth,
        };
      });
      expect(first).toMatchObject({ text: 'Skip to content', href: '#main', visible: true, onScreen: true });
      expect(first.outline).not.toBe('none');
      expect(first.width).toBeGreaterThan(0);

      await page.keyboard.press('Enter');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
      // The next Tab stop is inside main, not back in the header.
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => !!document.activeElement?.closest('main'))).toBe(true);
      await page.close();
    },
    30_000,
  );

  it('shows a visible focus outline on every Tab stop in the header', async () => {
    const page = await open('/');
    const seen: string[] = [];
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('Tab');
      const stop = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el || el === document.body || el.closest('main')) return undefined;
        const style = getComputedStyle(el);
        return {
          name: `${el.tagName.toLowerCase()} ${el.id || el.textContent?.trim().slice(0, 30)}`,
          visible: el.matches(':focus-visible'),
          outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0,
        };
      });
      if (!stop) break;
      seen.push(stop.name);
      expect(stop, stop.name).toMatchObject({ visible: true, outline: true });
    }
    expect(seen.length).toBeGreaterThan(3);
    await page.close();
  }, 30_000);
});

describe('network', () => {
  it('no page requested anything from another host', () => {
    expect(offHost).toEqual([]);
  });
});
