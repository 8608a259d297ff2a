// A Chinese reader in a real browser: the language switch keeps the page, the instant box on a
// /zh-cn/ page answers with /zh-cn/ pages (codes, Chinese log lines, glibc's Chinese messages),
// Pagefind searches the Chinese index, and a mistyped /zh-cn/ address ends on a Chinese page.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { open, recordRequests, useSite } from './support.ts';

const site = useSite();

/** Types `q` into the header box and returns the hrefs of the options, once they show. */
async function options(page: Page, q: string): Promise<string[]> {
  await page.fill('#site-search', q);
  await page.waitForFunction(
    () => {
      const list = document.querySelector('#site-search-results') as HTMLElement | null;
      return list !== null && !list.hidden && list.querySelectorAll('[role="option"]').length > 0;
    },
    null,
    { timeout: 10_000 },
  );
  return page.$$eval('#site-search-results [role="option"] a', (as) =>
    as.map((a) => new URL((a as HTMLAnchorElement).href).pathname + new URL((a as HTMLAnchorElement).href).search),
  );
}

describe('language switch', () => {
  it('goes to the same page in the other language and back', async () => {
    const { page, log } = await open(site, '/scenarios/half-close-with-shutdown/');
    try {
      await page.click('a.lang-switch');
      await page.waitForURL(`${site.url}/zh-cn/scenarios/half-close-with-shutdown/`);
      expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
      expect(await page.textContent('h1')).toMatch(/[\u4e00-\u9fff]/);
      await page.click('a.lang-switch');
      await page.waitForURL(`${site.url}/scenarios/half-close-with-shutdown/`);
      expect(await page.getAttribute('html', 'lang')).toBe('en');
      expect(log.errors).toEqual([]);
    } finally {
      await page.close();
    }
  });
});

describe('instant search on a Chinese page', () => {
  it.each([
    ['10054', '/zh-cn/winsock/wsaeconnreset/'],
    ['ECONNRESET', '/zh-cn/linux/econnreset/'],
    ['[WinError 10054] 远程主机强迫关闭了一个现有的连接。', '/zh-cn/winsock/wsaeconnreset/'],
    ['ConnectionResetError: [WinError 10054] 远程主机强迫关闭了一个现有的连接。', '/zh-cn/winsock/wsaeconnreset/'],
    ['连接被对方重设', '/zh-cn/linux/econnreset/'],
    ['read: 连接被对方重设', '/zh-cn/linux/econnreset/'],
    ['没有那个文件或目录', '/zh-cn/linux/enoent/'],
    ['由于目标计算机积极拒绝，无法连接。', '/zh-cn/winsock/wsaeconnrefused/'],
  ])('%s opens %s, and every option stays in Chinese', async (q, expected) => {
    const { page, requests } = await open(site, '/zh-cn/');
    try {
      const hrefs = await options(page, q);
      expect(hrefs[0]).toBe(expected);
      expect(hrefs.every((h) => h.startsWith('/zh-cn/'))).toBe(true);
      expect(requests.all.some((u) => u.endsWith('/zh-cn/api/search-index.json'))).toBe(true);
      expect(await page.textContent('.search-status')).toMatch(/个结果/);
    } finally {
      await page.close();
    }
  });

  it('answers a Chinese log line on an English page too, with English pages', async () => {
    const { page } = await open(site, '/');
    try {
      expect((await options(page, '[WinError 10054] 远程主机强迫关闭了一个现有的连接。'))[0]).toBe('/winsock/wsaeconnreset/');
      expect((await options(page, '连接被对方重设'))[0]).toBe('/linux/econnreset/');
    } finally {
      await page.close();
    }
  });

  it('offers the Chinese full-text search page for anything else', async () => {
    const { page } = await open(site, '/zh-cn/linux/');
    try {
      const hrefs = await options(page, 'zzzz qqqq');
      expect(hrefs.at(-1)).toBe('/zh-cn/search/?q=zzzz%20qqqq');
    } finally {
      await page.close();
    }
  });
});

describe('Pagefind in Chinese', () => {
  it('/zh-cn/search/?q=半关闭 finds Chinese pages only', async () => {
    const { page, log } = await open(site, '/zh-cn/search/?q=半关闭');
    try {
      await page.waitForSelector('.pf-result-link', { timeout: 15_000 });
      const links = await page.$$eval('.pf-result-link', (as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
      expect(links.length).toBeGreaterThan(0);
      expect(links.every((l) => l.startsWith('/zh-cn/'))).toBe(true);
      expect(links).toContain('/zh-cn/scenarios/half-close-with-shutdown/');
      expect(log.errors).toEqual([]);
    } finally {
      await page.close();
    }
  });
});

describe('mistyped Chinese addresses', () => {
  const visit = async (path: string) => {
    const page = await site.context.newPage();
    await recordRequests(page, site.url);
    const response = await page.goto(`${site.url}${path}`, { waitUntil: 'load' });
    return { page, status: response?.status() };
  };

  it('/ZH-CN/Linux/ECONNRESET opens the Chinese page in lower case', async () => {
    const { page, status } = await visit('/ZH-CN/Linux/ECONNRESET');
    try {
      expect(status).toBe(404);
      await page.waitForURL(`${site.url}/zh-cn/linux/econnreset/`, { timeout: 10_000 });
    } finally {
      await page.close();
    }
  });

  it('a /zh-cn/ address with no page ends on the Chinese 404 page with its box filled', async () => {
    const { page } = await visit('/zh-cn/linux/enosucherror/');
    try {
      await page.waitForURL(/\/zh-cn\/404\/\?from=/, { timeout: 10_000 });
      await page.waitForFunction(
        () => (document.getElementById('notfound-search') as HTMLInputElement | null)?.value === 'enosucherror',
        null,
        {
          timeout: 10_000,
        },
      );
      expect(await page.textContent('h1')).toBe('页面不存在');
      expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    } finally {
      await page.close();
    }
  });
});
