// The instant search box in a real browser, driven by keyboard alone: typed queries land on
// the right page with Enter, the combobox behaves (arrows, Escape, "/"), hostile input never
// throws or hangs, nothing is fetched from another host, and /search/ shows Pagefind results.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { dist, open, useSite } from './support.ts';

const site = useSite();

const box = '#site-search';
const listbox = '#site-search-results';

/** Focuses the box with "/" and enters `q`: typed key by key, or inserted at once when long. */
async function enter(page: Page, q: string): Promise<void> {
  await page.keyboard.press('/');
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('site-search');
  if (q.length <= 40) await page.keyboard.type(q);
  else await page.keyboard.insertText(q);
}

/** Waits until the listbox shows results for the current input value. */
async function results(page: Page): Promise<string[]> {
  await page.waitForFunction(
    ({ listbox }) => {
      const list = document.querySelector(listbox) as HTMLElement | null;
      return list !== null && !list.hidden && list.querySelectorAll('[role="option"]').length > 0;
    },
    { listbox },
    { timeout: 10_000 },
  );
  return page.$$eval(`${listbox} [role="option"]`, (els) => els.map((e) => (e.textContent ?? '').replace(/\s+/g, ' ').trim()));
}

const queries: Array<[string, string]> = [
  ['10054', '/winsock/wsaeconnreset/'],
  ['104', '/linux/econnreset/'],
  ['errno 104', '/linux/econnreset/'],
  ['econnreset', '/linux/econnreset/'],
  ['WSAECONNRESET', '/winsock/wsaeconnreset/'],
  ['error 10053', '/winsock/wsaeconnaborted/'],
  ['errno=-4077', '/linux/econnreset/'],
  ['read ECONNRESET', '/linux/econnreset/'],
  ['java.net.SocketException: Connection reset by peer: socket write error', '/winsock/wsaeconnreset/'],
  ['[WinError 10053] An established connection was aborted by the software in your host machine', '/winsock/wsaeconnaborted/'],
  ['curl: (56) Recv failure: Connection reset by peer', '/linux/econnreset/'],
  [
    '2024-05-01 12:00:01 [error] 1234#0: *5 recv() failed (104: Connection reset by peer) while reading response header from upstream, client: 192.0.2.1',
    '/linux/econnreset/',
  ],
  ['conection refused', '/linux/econnrefused/'],
  ['brokn pipe', '/linux/epipe/'],
  ['管道破裂', '/linux/epipe/'],
];

// Chinese terms shared by the Linux errno and its Winsock twin: either page is right.
const chinese: Array<[string, string[]]> = [
  ['连接被重置', ['/linux/econnreset/', '/winsock/wsaeconnreset/']],
  ['对方复位连接', ['/linux/econnreset/', '/winsock/wsaeconnreset/']],
  ['软件导致连接中止', ['/winsock/wsaeconnaborted/', '/linux/econnaborted/']],
];

describe('typing a query and pressing Enter opens the right page', () => {
  it.each(queries)('%j -> %s', async (q, expected) => {
    const { page, log } = await open(site, '/');
    try {
      await enter(page, q);
      await page.keyboard.press('Enter');
      await page.waitForURL(`${site.url}${expected}`, { timeout: 10_000 });
      expect(log.errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it.each(chinese)('%j -> one of %j', async (q, expected) => {
    const { page, log } = await open(site, '/');
    try {
      await enter(page, q);
      await page.keyboard.press('Enter');
      await page.waitForURL((u) => expected.includes(u.pathname), { timeout: 10_000 });
      expect(log.errors).toEqual([]);
    } finally {
      await page.close();
    }
  });
});

describe('combobox behaviour', () => {
  it('has the ARIA combobox pattern and loads the index only on first use', async () => {
    const { page, requests } = await open(site, '/linux/econnreset/');
    try {
      const attrs = await page.$eval(box, (el) => ({
        role: el.getAttribute('role'),
        expanded: el.getAttribute('aria-expanded'),
        controls: el.getAttribute('aria-controls'),
        autocomplete: el.getAttribute('aria-autocomplete'),
      }));
      expect(attrs).toEqual({ role: 'combobox', expanded: 'false', controls: 'site-search-results', autocomplete: 'list' });
      expect(await page.getAttribute(listbox, 'role')).toBe('listbox');
      expect(requests.all.some((u) => u.includes('search-index.json'))).toBe(false);

      await enter(page, '54');
      const options = await results(page);
      expect(requests.all.some((u) => u.endsWith('/api/search-index.json'))).toBe(true);
      expect(options.some((o) => o.includes('ECONNRESET') && o.includes('macOS errno 54'))).toBe(true);
      expect(options.at(-1)).toBe('Search all pages for “54”');
      expect(await page.getAttribute(box, 'aria-expanded')).toBe('true');
      const first = await page.$eval(`${listbox} [role="option"]`, (el) => el.id);
      expect(await page.getAttribute(box, 'aria-activedescendant')).toBe(first);
      expect(await page.$$eval(`${listbox} [role="option"]`, (els) => els.every((e) => e.querySelector('a[href]') !== null))).toBe(true);
    } finally {
      await page.close();
    }
  });

  it('ArrowDown then Enter opens the second result; ArrowUp goes back', async () => {
    const { page } = await open(site, '/');
    try {
      await enter(page, '54');
      await results(page);
      const hrefs = await page.$$eval(`${listbox} [role="option"] a`, (els) => els.map((a) => (a as HTMLAnchorElement).pathname));
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowUp');
      const selected = await page.$eval(`${listbox} [aria-selected="true"]`, (el) => el.id);
      expect(await page.getAttribute(box, 'aria-activedescendant')).toBe(selected);
      await page.keyboard.press('Enter');
      await page.waitForURL(`${site.url}${hrefs[1]}`, { timeout: 10_000 });
    } finally {
      await page.close();
    }
  });

  it('shows which option is highlighted, and lays each option out as title, label, detail', async () => {
    // Options are created by script; scoped component styles would silently miss them.
    const { page } = await open(site, '/');
    try {
      await enter(page, '10054');
      await results(page);
      const style = (selector: string) =>
        page.$eval(selector, (el) => {
          const s = getComputedStyle(el);
          return { border: s.borderTopColor, display: s.display, weight: s.fontWeight };
        });
      const selected = await style(`${listbox} [aria-selected="true"]`);
      const other = await style(`${listbox} [aria-selected="false"]`);
      expect(selected.border).not.toBe(other.border);
      expect((await style(`${listbox} [aria-selected="true"] .r-detail`)).display).toBe('block');
      expect(Number((await style(`${listbox} [aria-selected="true"] .r-title`)).weight)).toBeGreaterThanOrEqual(600);
    } finally {
      await page.close();
    }
  });

  it('Escape closes the listbox, a second Escape clears the box', async () => {
    const { page } = await open(site, '/');
    try {
      await enter(page, 'econnreset');
      await results(page);
      await page.keyboard.press('Escape');
      expect(await page.isHidden(listbox)).toBe(true);
      expect(await page.getAttribute(box, 'aria-expanded')).toBe('false');
      expect(await page.getAttribute(box, 'aria-activedescendant')).toBeNull();
      await page.keyboard.press('Escape');
      expect(await page.inputValue(box)).toBe('');
    } finally {
      await page.close();
    }
  });

  it('"/" focuses the box from anywhere, but not while typing in another field', async () => {
    const { page } = await open(site, '/');
    try {
      await page.keyboard.press('/');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('site-search');
      expect(await page.inputValue(box)).toBe('');
      await page.evaluate(() => {
        const other = document.createElement('textarea');
        other.id = 'other-field';
        document.body.append(other);
        other.focus();
      });
      await page.keyboard.type('a/b');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('other-field');
      expect(await page.inputValue('#other-field')).toBe('a/b');
    } finally {
      await page.close();
    }
  });

  it('offers "Search all pages", which opens /search/?q=', async () => {
    const { page } = await open(site, '/');
    try {
      await enter(page, 'econnreset');
      const options = await results(page);
      for (let i = 0; i < options.length - 1; i++) await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
      await page.waitForURL(`${site.url}/search/?q=econnreset`, { timeout: 10_000 });
    } finally {
      await page.close();
    }
  });
});

describe('hostile input never throws and never hangs', () => {
  const hostile: Array<[string, string]> = [
    ['regex characters', '.*+?^${}()|[]\\'],
    ['10,000 characters', 'connection reset by peer '.repeat(400)],
    ['emoji', '🔥💥 ECONNRESET 🧨'],
    ['CJK', '连接被重置'.repeat(200)],
    ['only spaces', '          '],
    ['null bytes', 'a\u0000b\u0000errno 104'],
  ];
  it.each(hostile)('%s', async (_label, q) => {
    const { page, log } = await open(site, '/');
    try {
      const loaded = page.waitForResponse((r) => r.url().endsWith('/api/search-index.json'), { timeout: 10_000 });
      await page.focus(box);
      await loaded;
      // Let the engine module finish loading: a first query renders results.
      await page.keyboard.type('econnreset');
      await results(page);
      const ms = await page.evaluate(
        ({ box, q }) => {
          const input = document.querySelector(box) as HTMLInputElement;
          const started = performance.now();
          input.value = q;
          input.dispatchEvent(new Event('input', { bubbles: true }));
          return performance.now() - started;
        },
        { box, q },
      );
      const again = await page.evaluate(
        ({ box }) => {
          const input = document.querySelector(box) as HTMLInputElement;
          const started = performance.now();
          input.dispatchEvent(new Event('input', { bubbles: true }));
          return performance.now() - started;
        },
        { box },
      );
      // A blank query closes the list; anything else shows at least "Search all pages".
      if (q.trim()) expect((await results(page)).at(-1)).toMatch(/^Search all pages for/);
      else expect(await page.isHidden(listbox)).toBe(true);
      expect(ms).toBeLessThan(1000);
      expect(again).toBeLessThan(1000);
      // Still responsive, and Enter goes somewhere sensible (a result or the full-text page).
      expect(await page.evaluate(() => 1 + 1)).toBe(2);
      expect(log.errors).toEqual([]);
    } finally {
      await page.close();
    }
  });
});

describe('no request leaves 127.0.0.1', () => {
  const scenario = (() => {
    const list = JSON.parse(readFileSync(join(dist, 'api', 'scenarios.json'), 'utf8')) as Array<{ url: string }>;
    return list[0]?.url ?? '/scenarios/';
  })();
  it.each(['/', '/linux/econnreset/', scenario, '/search/?q=keepalive'])('%s', async (path) => {
    const { page, requests, log } = await open(site, path);
    try {
      // Use the search box too, so its lazy loads are covered.
      await enter(page, 'econnreset');
      await results(page);
      if (path.startsWith('/search/')) await page.waitForSelector('.pf-result-link', { timeout: 10_000 });
      await page.waitForLoadState('networkidle');
      expect(requests.all.length).toBeGreaterThan(0);
      expect(requests.foreign()).toEqual([]);
      expect(log.errors).toEqual([]);
    } finally {
      await page.close();
    }
  });
});

describe('/search/ (Pagefind)', () => {
  it('reads ?q= and shows results', async () => {
    const { page, log } = await open(site, '/search/?q=keepalive');
    try {
      // Results render as placeholders first; wait for their links.
      await page.waitForSelector('.pf-result-link', { timeout: 15_000 });
      expect(await page.$$eval('.pf-result-link', (as) => as.length)).toBeGreaterThan(0);
      expect(await page.inputValue('pagefind-input input')).toBe('keepalive');
      expect(log.errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('is where the box goes without JavaScript', async () => {
    // In the shared context (see support.ts): scripts are switched off for this page only.
    const page = await site.context.newPage();
    try {
      const cdp = await site.context.newCDPSession(page);
      await cdp.send('Emulation.setScriptExecutionDisabled', { value: true });
      await page.goto(`${site.url}/linux/econnreset/`);
      expect(await page.getAttribute(box, 'aria-expanded')).toBe('false');
      await page.fill(box, 'broken pipe');
      await page.press(box, 'Enter');
      await page.waitForURL(`${site.url}/search/?q=broken+pipe`, { timeout: 10_000 });
    } finally {
      await page.close();
    }
  });
});
