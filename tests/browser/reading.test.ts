// The reading experience in a real browser, at a phone width (390 px) and a desktop width
// (1280 px): no page scrolls sideways, the header stays short, /compare/ keeps its header row
// and first column in view and filters, long pages have a table of contents and linked
// headings, body text keeps a readable measure, and copy buttons copy the exact text.
import { beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { dist, repo, useSite } from './support.ts';

const site = useSite();
/** One page for the whole file: in --single-process mode closing a page can end the browser. */
let page: Page;

const errorPage = existsSync(join(repo, 'content', 'guides', 'ECONNRESET.mdx')) ? '/linux/econnreset/' : '/winsock/wsaeconnreset/';
const scenario = '/scenarios/rst-on-close-with-unread-data/';
const widths = [390, 1280] as const;

beforeAll(async () => {
  page = await site.context.newPage();
  // Record what the copy buttons write instead of touching the real clipboard.
  await page.addInitScript(() => {
    const w = window as unknown as { copied: string[] };
    w.copied = [];
    Object.defineProperty(navigator, 'clipboard', {
      configurable: true,
      value: { writeText: async (text: string) => void w.copied.push(text) },
    });
  });
});

async function visit(path: string, width: number, colorScheme: 'light' | 'dark' = 'light') {
  await page.setViewportSize({ width, height: 844 });
  await page.emulateMedia({ colorScheme });
  const response = await page.goto(`${site.url}${path}`, { waitUntil: 'load' });
  expect(response?.status(), path).toBe(200);
}

/** One page of every type. */
const samples = [
  '/',
  '/linux/',
  '/winsock/',
  '/windows/',
  '/resolver/',
  '/verification/',
  '/compare/',
  '/scenarios/',
  scenario,
  errorPage,
  '/winsock/wsaeconnreset/',
  '/linux/el3rst/',
  '/search/',
].filter((p) => existsSync(join(dist, p, 'index.html')));

describe.each(widths)('at %i px', (width) => {
  it.each(samples)(
    `%s does not scroll sideways; a table wider than its box scrolls inside it (${width} px)`,
    async (path) => {
      await visit(path, width);
      const r = await page.evaluate(() => ({
        page: document.documentElement.scrollWidth,
        viewport: innerWidth,
        // Tables wider than the box they sit in, and whether that box scrolls.
        tables: [...document.querySelectorAll('main table')].flatMap((t) => {
          const box = t.parentElement!;
          if (t.getBoundingClientRect().width <= box.clientWidth + 1) return [];
          const overflow = getComputedStyle(box).overflowX;
          return [`${t.querySelector('caption')?.textContent}: ${overflow}`];
        }),
      }));
      expect(r.page, `${path} is ${r.page} px wide in a ${r.viewport} px window`).toBeLessThanOrEqual(r.viewport);
      for (const t of r.tables) expect(t).toMatch(/: (auto|scroll)$/);
    },
    30_000,
  );
});

describe('header', () => {
  it('fits one row at 1280 px, theme button included, and "Search errors" stays on one line', async () => {
    await visit(errorPage, 1280);
    const r = await page.evaluate(() => {
      const header = document.querySelector('.site-header')!.getBoundingClientRect();
      const parts = ['.brand', '.site-nav', '#site-search', '#theme-toggle'].map((s) => document.querySelector(s)!.getBoundingClientRect());
      const label = document.querySelector('.search-label')!;
      return {
        height: header.height,
        centers: parts.map((p) => p.top + p.height / 2),
        labelLines: label.getClientRects().length,
        labelHeight: label.getBoundingClientRect().height,
        lineHeight: parseFloat(getComputedStyle(label).fontSize) * 1.8,
      };
    });
    expect(r.height).toBeLessThanOrEqual(72);
    const spread = Math.max(...r.centers) - Math.min(...r.centers);
    expect(spread, `vertical centres ${r.centers.join(', ')}`).toBeLessThan(12);
    expect(r.labelLines).toBe(1);
    expect(r.labelHeight).toBeLessThan(r.lineHeight);
  });

  it('is at most 120 px tall at 390 px, with a full-width search field whose placeholder fits', async () => {
    await visit(errorPage, 390);
    const r = await page.evaluate(() => {
      const input = document.querySelector<HTMLInputElement>('#site-search')!;
      const style = getComputedStyle(input);
      const ctx = document.createElement('canvas').getContext('2d')!;
      ctx.font = `${style.fontSize} ${style.fontFamily}`;
      const room = input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      const nav = document.querySelector('.site-nav')!;
      return {
        height: document.querySelector('.site-header')!.getBoundingClientRect().height,
        input: input.getBoundingClientRect().width,
        placeholder: ctx.measureText(input.placeholder).width,
        room,
        // The nav scrolls sideways in its own box instead of taking more rows.
        navRows: new Set([...nav.querySelectorAll('a')].map((a) => Math.round(a.getBoundingClientRect().top))).size,
        navScrolls: nav.scrollWidth > nav.clientWidth ? getComputedStyle(nav).overflowX : 'fits',
      };
    });
    expect(r.height).toBeLessThanOrEqual(120);
    expect(r.input).toBeGreaterThanOrEqual(280);
    expect(r.placeholder).toBeLessThanOrEqual(r.room);
    expect(r.navRows).toBe(1);
    expect(['fits', 'auto', 'scroll']).toContain(r.navScrolls);
  });
});

describe('/compare/', () => {
  it('keeps the header row and the first column in view while its box scrolls (1280 px)', async () => {
    await visit('/compare/', 1280);
    const wrap = page.locator('.compare-wrap');
    const before = await page.evaluate(() => ({
      head: document.querySelector('table.compare thead th:nth-child(3)')!.getBoundingClientRect().top,
      first: document.querySelector('table.compare tbody tr:nth-child(20) th')!.getBoundingClientRect().left,
      box: document.querySelector('.compare-wrap')!.getBoundingClientRect(),
      scrolls: (() => {
        const w = document.querySelector('.compare-wrap')!;
        return { down: w.scrollHeight > w.clientHeight, right: w.scrollWidth > w.clientWidth };
      })(),
    }));
    expect(before.scrolls).toEqual({ down: true, right: true });
    await wrap.evaluate((w) => w.scrollTo(600, 900));
    const after = await page.evaluate(() => ({
      head: document.querySelector('table.compare thead th:nth-child(3)')!.getBoundingClientRect().top,
      first: document.querySelector('table.compare tbody tr:nth-child(20) th')!.getBoundingClientRect().left,
    }));
    expect(Math.abs(after.head - before.box.top)).toBeLessThanOrEqual(2);
    expect(Math.abs(after.first - before.first)).toBeLessThanOrEqual(2);
  });

  it('filters rows by a name or number in any column, and hides a platform column on request', async () => {
    await visit('/compare/', 1280);
    const visible = () =>
      page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('table.compare tbody tr')]
          .filter((tr) => tr.offsetParent !== null)
          .map((tr) => tr.querySelector('th a')!.textContent),
      );
    const all = (await visible()).length;
    expect(all).toBeGreaterThan(100);
    await page.fill('#compare-filter', '10054');
    expect(await visible()).toEqual(['ECONNRESET']);
    await page.fill('#compare-filter', 'ConnectionRefusedError');
    expect(await visible()).toEqual(['ECONNREFUSED']);
    await page.fill('#compare-filter', 'ERROR_NETNAME_DELETED');
    expect(await visible()).toContain('ECONNRESET');
    await page.fill('#compare-filter', '');
    expect((await visible()).length).toBe(all);

    const javaShown = () => page.locator('table.compare thead th[data-col="java"]').isVisible();
    expect(await javaShown()).toBe(true);
    await page.click('.compare-columns summary');
    await page.uncheck('#col-java');
    expect(await javaShown()).toBe(false);
    expect(await page.locator('table.compare tbody td[data-col="java"]').first().isVisible()).toBe(false);
    await page.check('#col-java');
    expect(await javaShown()).toBe(true);
  });

  it('shows each error as a card on a phone', async () => {
    await visit('/compare/', 390);
    const r = await page.evaluate(() => {
      const tr = document.querySelector('table.compare tbody tr')!;
      const td = tr.querySelector('td')!;
      return {
        row: getComputedStyle(tr).display,
        label: getComputedStyle(td, '::before').content,
        width: tr.getBoundingClientRect().width,
        // A platform without an equivalent is left out of the card.
        absent: [...document.querySelectorAll<HTMLElement>('table.compare td.absent')].map((c) => c.offsetParent === null),
        present: [...document.querySelectorAll<HTMLElement>('table.compare td:not(.absent)')]
          .slice(0, 50)
          .map((c) => c.offsetParent !== null),
      };
    });
    expect(r.row).toBe('block');
    expect(r.label).toBe('"macOS"');
    expect(r.width).toBeLessThanOrEqual(390);
    expect(r.absent.length).toBeGreaterThan(0);
    expect(new Set(r.absent)).toEqual(new Set([true]));
    expect(new Set(r.present)).toEqual(new Set([true]));
  });

  it('works as a plain table without JavaScript: the filter is hidden until the script shows it', () => {
    const html = readFileSync(join(dist, 'compare', 'index.html'), 'utf8');
    expect(html).toMatch(/<div class="compare-filter"[^>]*\shidden/);
    expect(html).toMatch(/<input type="checkbox" id="col-java"[^>]*checked/);
  });
});

describe('long pages', () => {
  it.each([errorPage, scenario])('%s: every heading links to itself', async (path) => {
    await visit(path, 1280);
    const headings = await page.evaluate(() =>
      [...document.querySelectorAll('main :is(h2, h3)')].map((h) => ({
        text: h.textContent?.trim(),
        id: h.id,
        links: [...h.querySelectorAll('a')].map((a) => a.getAttribute('href')),
        cue: h.querySelector('.heading-link') ? getComputedStyle(h.querySelector('.heading-link')!, '::after').content : 'anchor',
      })),
    );
    expect(headings.length).toBeGreaterThan(4);
    for (const h of headings) {
      expect(h.id, h.text).not.toBe('');
      expect(h.links, h.text).toContain(`#${h.id}`);
      expect(h.cue, h.text).not.toBe('none');
    }
  });

  it('has a table of contents: a side rail at 1280 px, collapsed under the intro at 390 px', async () => {
    await visit(errorPage, 1280);
    const desktop = await page.evaluate(() => {
      const rail = document.querySelector<HTMLElement>('nav.toc-rail')!;
      const main = document.querySelector('main')!.getBoundingClientRect();
      return {
        railVisible: rail.offsetParent !== null || getComputedStyle(rail).position === 'sticky',
        railLeftOfMain: rail.getBoundingClientRect().left >= main.right,
        inlineShown: document.querySelector<HTMLElement>('nav.toc-inline')!.offsetParent !== null,
        links: [...rail.querySelectorAll('a')].map((a) => a.getAttribute('href')),
        h2: [...document.querySelectorAll('main h2')].map((h) => `#${h.id}`),
      };
    });
    expect(desktop.railVisible).toBe(true);
    expect(desktop.railLeftOfMain).toBe(true);
    expect(desktop.inlineShown).toBe(false);
    expect(desktop.links).toEqual(expect.arrayContaining(desktop.h2));
    expect(desktop.links).toContain('#how-to-fix');

    await visit(errorPage, 390);
    const toc = page.locator('nav.toc-inline');
    expect(await toc.isVisible()).toBe(true);
    expect(await page.locator('nav.toc-rail').isVisible()).toBe(false);
    expect(await toc.locator('details').evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    await toc.locator('summary').click();
    await toc.locator('a[href="#how-to-fix"]').click();
    expect(await page.evaluate(() => location.hash)).toBe('#how-to-fix');
    const top = await page.evaluate(() => document.getElementById('how-to-fix')!.getBoundingClientRect().top);
    expect(top).toBeGreaterThanOrEqual(0);
    expect(top).toBeLessThan(100);
  });

  it.each(widths)(
    'keeps body text to about 75 characters a line, and shows meaning, fix and evidence above the fold (%i px)',
    async (width) => {
      await visit(errorPage, width);
      const r = await page.evaluate(() => {
        const ctx = document.createElement('canvas').getContext('2d')!;
        const perLine = [...document.querySelectorAll<HTMLElement>('main .guide > p, main > p')]
          .filter((p) => (p.textContent ?? '').length > 200)
          .map((p) => {
            const style = getComputedStyle(p);
            ctx.font = `${style.fontSize} ${style.fontFamily}`;
            const text = p.textContent!.replace(/\s+/g, ' ');
            return Math.round(p.clientWidth / (ctx.measureText(text).width / text.length));
          });
        const glance = [...document.querySelectorAll('.glance dt')].map((dt) => ({
          what: dt.textContent,
          bottom: dt.nextElementSibling!.getBoundingClientRect().bottom,
        }));
        return { perLine, glance, fold: innerHeight };
      });
      expect(r.perLine.length).toBeGreaterThan(0);
      for (const n of r.perLine) expect(n).toBeLessThanOrEqual(80);
      expect(r.glance.map((g) => g.what)).toEqual(['Means', 'Fix', 'Evidence']);
      for (const g of r.glance) expect(g.bottom, g.what ?? '').toBeLessThanOrEqual(r.fold);
    },
  );
});

describe('code', () => {
  it('copies the snippet exactly as the file, final newline included; the button sits above the code (390 px)', async () => {
    await visit(scenario, 390);
    const slug = scenario.split('/')[2];
    const figure = page.locator('figure.code', { has: page.locator(`button.copy[aria-label="Copy ${slug}.ts"]`) });
    const button = figure.locator('button.copy');
    expect(await figure.locator('figcaption').textContent()).toBe(`${slug}.tsCopy`);
    const [b, pre] = await Promise.all([button.boundingBox(), figure.locator('pre').boundingBox()]);
    expect(b!.y + b!.height).toBeLessThanOrEqual(pre!.y + 1);
    await button.click();
    const copied = await page.evaluate(() => (window as unknown as { copied: string[] }).copied);
    const file = readFileSync(join(repo, 'content', 'snippets', `${slug}.ts`), 'utf8');
    expect(copied).toEqual([file]);
    expect(await button.textContent()).toBe('Copied');
  });

  it('puts a copy button on every code block and log line of an error page, copying the exact line', async () => {
    await visit(errorPage, 1280);
    const r = await page.evaluate(() => ({
      blocks: document.querySelectorAll('main pre').length,
      framed: document.querySelectorAll('main figure.code > pre').length,
      buttons: document.querySelectorAll('main figure.code .code-bar button.copy').length,
      lines: document.querySelectorAll('main code[data-copy-line]').length,
      lineButtons: document.querySelectorAll('main code[data-copy-line] + button.copy').length,
    }));
    expect(r.blocks).toBeGreaterThan(0);
    expect(r.framed).toBe(r.blocks);
    expect(r.buttons).toBe(r.blocks);
    expect(r.lines).toBeGreaterThan(0);
    expect(r.lineButtons).toBe(r.lines);
    const line = page.locator('main code[data-copy-line]').first();
    await line.locator('xpath=following-sibling::button[1]').click();
    expect(await page.evaluate(() => (window as unknown as { copied: string[] }).copied)).toEqual([await line.textContent()]);
  });

  it.each(['light', 'dark'] as const)('uses one code theme for guide code and snippets, following the %s scheme', async (scheme) => {
    const colours = async (path: string) => {
      await visit(path, 1280, scheme);
      return page.evaluate(() => {
        const pre = document.querySelector('main pre.astro-code')!;
        const keyword = [...pre.querySelectorAll('span span')].find((s) => /^(const|import|function)$/.test(s.textContent ?? ''))!;
        return { bg: getComputedStyle(pre).backgroundColor, keyword: getComputedStyle(keyword).color };
      });
    };
    const guide = await colours(errorPage);
    const snippet = await colours(scenario);
    expect(snippet).toEqual(guide);
    // github-light's background is white, github-dark's is not.
    expect(guide.bg === 'rgb(255, 255, 255)').toBe(scheme === 'light');
  });
});

describe('accessibility of the phone layout', () => {
  it.each(['light', 'dark'] as const)(
    'axe finds no violation at 390 px (%s)',
    async (scheme) => {
      for (const path of [errorPage, '/compare/', scenario, '/windows/']) {
        await visit(path, 390, scheme);
        // The collapsed table of contents open, so its links are checked too.
        await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
        await page.addScriptTag({ path: join(repo, 'node_modules', 'axe-core', 'axe.min.js') });
        const violations = await page.evaluate(async () => {
          const axe = (
            window as unknown as {
              axe: { run(d: Document): Promise<{ violations: Array<{ id: string; nodes: Array<{ target: string[] }> }> }> };
            }
          ).axe;
          const result = await axe.run(document);
          return result.violations.map(
            (v) =>
              `${v.id} at ${v.nodes
                .map((n) => n.target.join(' '))
                .slice(0, 3)
                .join(', ')}`,
          );
        });
        expect(violations, path).toEqual([]);
      }
    },
    60_000,
  );
});
