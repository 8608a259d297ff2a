// What readers type and paste, in a real browser at desktop and phone widths (issue 13):
// upper-case permalinks reach their page through the 404 page, which otherwise pre-fills its
// search; hex and HRESULT forms of Winsock codes and three formerly mis-ranked queries land
// right; /search/ (Pagefind) ranks ECONNRESET and WSAECONNRESET above the legacy EL3RST; a
// scenario that needs root says so next to its run command; the footer says "last verified"
// only where verified results are shown.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { recordRequests, repo, useSite, watchErrors } from './support.ts';

const site = useSite();
const sizes = [
  ['desktop', { width: 1280, height: 900 }],
  ['phone', { width: 390, height: 844 }],
] as const;

/** Opens `path` in a new page of the shared context at a viewport size; any HTTP status. */
async function visit(path: string, viewport: { width: number; height: number }): Promise<{ page: Page; status: number | undefined }> {
  const page = await site.context.newPage();
  await page.setViewportSize(viewport);
  await recordRequests(page, site.url);
  const response = await page.goto(`${site.url}${path}`, { waitUntil: 'load' });
  return { page, status: response?.status() };
}

describe.each(sizes)('addresses people type (%s)', (_size, viewport) => {
  it.each([
    ['/linux/ECONNRESET/', '/linux/econnreset/'],
    ['/linux/EConnReset', '/linux/econnreset/'],
    ['/winsock/WSAECONNRESET/', '/winsock/wsaeconnreset/'],
    ['/windows/ERROR_ACCESS_DENIED/', '/windows/error_access_denied/'],
    ['/ECONNRESET/', '/linux/econnreset/'],
    ['/WSAECONNRESET', '/winsock/wsaeconnreset/'],
  ])('%s opens %s', async (typed, page) => {
    const { page: p, status } = await visit(typed, viewport);
    try {
      expect(status).toBe(404);
      await p.waitForURL(`${site.url}${page}`, { timeout: 10_000 });
      expect(await p.textContent('h1')).toMatch(new RegExp(page.split('/')[2], 'i'));
    } finally {
      await p.close();
    }
  });

  it('a path with no page leaves the 404 page with its search box filled, and searching goes to /search/', async () => {
    const { page, status } = await visit('/linux/ENOSUCHERROR/', viewport);
    try {
      expect(status).toBe(404);
      await page.waitForFunction(
        () => (document.getElementById('notfound-search') as HTMLInputElement | null)?.value === 'ENOSUCHERROR',
        null,
        {
          timeout: 10_000,
        },
      );
      // Still the 404 page once the lower-case address is known to be missing too.
      await page.waitForTimeout(500);
      expect(new URL(page.url()).pathname).toBe('/linux/ENOSUCHERROR/');
      expect(await page.textContent('h1')).toBe('Page not found');
      // Styled: the form is a panel, not a bare browser form.
      expect(await page.$eval('.notfound-form', (el) => getComputedStyle(el).borderTopStyle)).toBe('solid');
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      await page.press('#notfound-search', 'Enter');
      await page.waitForURL(`${site.url}/search/?q=ENOSUCHERROR`, { timeout: 10_000 });
    } finally {
      await page.close();
    }
  });

  it('a scenario that needs root says so next to its run command, with the exit status of a skipped run', async () => {
    const { page } = await visit('/scenarios/connect-timeout-to-unresponsive-host/', viewport);
    try {
      const note = await page.textContent('#run-it ~ .requires-root');
      expect(note).toMatch(/^requires root/);
      expect(note).toContain('exits with status 77');
      expect(await page.isVisible('.requires-root')).toBe(true);
    } finally {
      await page.close();
    }
    const other = await visit('/scenarios/bind-to-busy-port/', viewport);
    try {
      expect(await other.page.$('.requires-root')).toBeNull();
    } finally {
      await other.page.close();
    }
  });
});

/** Types `q` into the header search box (focused with "/"), waits for results, returns the options' text. */
async function searchBox(page: Page, q: string): Promise<string[]> {
  await page.keyboard.press('/');
  await page.keyboard.insertText(q);
  await page.waitForFunction(() => document.querySelectorAll('#site-search-results [role="option"]').length > 1, null, { timeout: 10_000 });
  return page.$$eval('#site-search-results [role="option"]', (els) => els.map((e) => (e.textContent ?? '').replace(/\s+/g, ' ').trim()));
}

describe('the 404 page under axe', () => {
  it.each(['light', 'dark'] as const)('has no violations (%s)', async (colorScheme) => {
    const { page } = await visit('/linux/ENOSUCHERROR/', sizes[1][1]);
    try {
      await page.emulateMedia({ colorScheme });
      await page.waitForFunction(() => (document.getElementById('notfound-search') as HTMLInputElement | null)?.value !== '', null, {
        timeout: 10_000,
      });
      await page.addScriptTag({ path: join(repo, 'node_modules', 'axe-core', 'axe.min.js') });
      const ids = await page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run(d: Document, o: object): Promise<{ violations: Array<{ id: string }> }> } }).axe;
        return (await axe.run(document, { resultTypes: ['violations'] })).violations.map((v) => v.id);
      });
      expect(ids).toEqual([]);
    } finally {
      await page.close();
    }
  });
});

describe.each(sizes)('the search box (%s)', (_size, viewport) => {
  it.each([
    ['0x2746', '/winsock/wsaeconnreset/'],
    ['0x80072746', '/winsock/wsaeconnreset/'],
    ['-2147014842', '/winsock/wsaeconnreset/'],
    ['could not receive data from server: Connection timed out', '/linux/etimedout/'],
  ])('%j + Enter opens %s', async (q, expected) => {
    const { page } = await visit('/', viewport);
    const log = watchErrors(page);
    try {
      await searchBox(page, q);
      await page.keyboard.press('Enter');
      await page.waitForURL(`${site.url}${expected}`, { timeout: 10_000 });
      expect(log.errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('[Errno 54] with the reset message offers ECONNRESET on macOS first and no Linux EXFULL', async () => {
    const { page } = await visit('/', viewport);
    try {
      const options = await searchBox(page, '[Errno 54] Connection reset by peer');
      expect(options[0]).toContain('ECONNRESET');
      expect(options[0]).toContain('macOS errno 54');
      expect(options.some((o) => o.includes('EXFULL'))).toBe(false);
    } finally {
      await page.close();
    }
  });
});

describe('/search/ (Pagefind Component UI)', () => {
  it('ranks ECONNRESET and WSAECONNRESET above the legacy EL3RST for "reset", with excerpts free of navigation text', async () => {
    const { page, status } = await visit('/search/?q=reset', sizes[0][1]);
    try {
      expect(status).toBe(200);
      await page.waitForSelector('.pf-result-link', { timeout: 15_000 });
      // Results load in order; wait until the first handful have their links.
      await page.waitForFunction(() => document.querySelectorAll('.pf-result-link').length >= 4, null, { timeout: 15_000 });
      const links = await page.$$eval('.pf-result-link', (as) => as.map((a) => (a as HTMLAnchorElement).pathname));
      const at = (p: string) => (links.includes(p) ? links.indexOf(p) : Infinity);
      expect(at('/linux/econnreset/')).toBe(0);
      expect(at('/winsock/wsaeconnreset/')).toBeLessThan(at('/linux/el3rst/'));
      const excerpts = await page.$$eval('.pf-result-excerpt', (els) => els.map((e) => e.textContent ?? ''));
      expect(excerpts.length).toBeGreaterThan(0);
      for (const e of excerpts) expect(e).not.toMatch(/permalink by number|Skip to content|Linux errno ·/);
      // In the site's colours: Pagefind's cards take the page background in dark mode too.
      await page.emulateMedia({ colorScheme: 'dark' });
      const [card, body] = await page.evaluate(() => [
        getComputedStyle(document.querySelector('.pf-result-card') ?? document.body).backgroundColor,
        getComputedStyle(document.body).backgroundColor,
      ]);
      expect(card).toBe(body);
    } finally {
      await page.close();
    }
  });
});

describe('footer', () => {
  it('says when and where results were verified only on pages that show them, and links the JSON API', async () => {
    const verified = await visit('/linux/econnreset/', sizes[0][1]);
    try {
      const footer = (await verified.page.textContent('footer')) ?? '';
      expect(footer).toMatch(/Last verified: \d{4}-\d{2}-\d{2} on Linux \S+, Node v\d+/);
      expect(await verified.page.$('footer a[href="/api/"]')).not.toBeNull();
      // All its scenarios verified: the list says so once, with no badge per row.
      expect(await verified.page.textContent('#scenarios + .list-status')).toMatch(/^All \d+ verified on Linux/);
      expect(await verified.page.$$('#scenarios ~ ul .badge.verified')).toHaveLength(0);
    } finally {
      await verified.page.close();
    }
    const legacy = await visit('/linux/el3rst/', sizes[0][1]);
    try {
      expect((await legacy.page.textContent('footer')) ?? '').not.toContain('Last verified');
    } finally {
      await legacy.page.close();
    }
  });

  it('/api/ documents every JSON file it links', async () => {
    const { page, status } = await visit('/api/', sizes[1][1]);
    try {
      expect(status).toBe(200);
      const hrefs = await page.$$eval('main a[href^="/api/"]', (as) => as.map((a) => a.getAttribute('href')));
      expect(hrefs).toEqual(expect.arrayContaining(['/api/errors.json', '/api/scenarios.json', '/api/search-index.json']));
      for (const id of ['errors-json', 'scenarios-json', 'search-index-json']) expect(await page.$(`#${id}`)).not.toBeNull();
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    } finally {
      await page.close();
    }
  });
});
