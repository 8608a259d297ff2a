// Both languages in dist/: every page exists in English and in Simplified Chinese, each says
// which language it is and where its other-language twin lives, a Chinese page keeps the reader
// in Chinese (links, chrome, search index), and the sitemap lists both.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { dist, page, walk } from './support.ts';
import { ui } from '../../src/i18n/ui.ts';
import type { SearchIndex } from '../../src/lib/search/index-format.ts';

const pageOf = (file: string) => {
  const rel = `/${relative(dist, file).split(sep).join('/')}`;
  return rel.endsWith('/index.html') ? rel.slice(0, -'index.html'.length) : rel;
};
const pages = walk(dist, '.html')
  .map(pageOf)
  .filter((p) => !p.startsWith('/pagefind/'));
const english = pages.filter((p) => !p.startsWith('/zh-cn/'));
const chinese = pages.filter((p) => p.startsWith('/zh-cn/'));
// The English 404 is /404.html (what static hosts serve); its Chinese twin is a page of its own.
const twinOf = (p: string) => (p === '/404.html' ? '/zh-cn/404/' : `/zh-cn${p}`);
const isRedirect = (html: string) => html.includes('http-equiv="refresh"');

/** The visible words of the chrome: header, footer, on-page contents, table heads, badges, labels. */
function chromeText(html: string): string {
  const parts = [
    ...html.matchAll(/<header[\s\S]*?<\/header>|<footer[\s\S]*?<\/footer>|<p class="toc-title">[\s\S]*?<\/p>/g),
    ...html.matchAll(/<(th|caption|dt|summary|legend|label|button)\b[^>]*>[\s\S]*?<\/\1>/g),
    ...html.matchAll(/<span class="badge[^"]*">[\s\S]*?<\/span>/g),
  ].map((m) => m[0]);
  return parts
    .join(' ')
    .replace(/<(script|style|code|kbd|q)\b[^>]*>[\s\S]*?<\/\1>/g, ' ')
    .replace(/<[^>]*\blang="en"[^>]*>[\s\S]*?<\/[a-z]+>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&[a-z]+;|&#\d+;/g, ' ');
}

// Names that stay as they are in Chinese: products, platforms, protocols, error names (all capitals) and code words.
const kept =
  /^(errno|kb|Linux|Winsock|Windows|Sockets|macOS|FreeBSD|Node|js|Python|Java|Go|Rust|NET|JSON|API|English|glibc|getaddrinfo|libuv|TCP|UDP|RST|FIN|SYN|ACK|EOF|ECONNRESET|POSIX|Shell|[A-Z][A-Z0-9_]+|Enter|Escape|GNU|Library|po|zh_CN|Simplified|Chinese|strerror|messages)$/;

describe('two languages in dist/', () => {
  it('has both', () => {
    expect(english.length).toBeGreaterThan(600);
    expect(chinese.length).toBe(english.length);
  });

  it('has every English page under /zh-cn/, and every Chinese page in English', () => {
    const all = new Set(pages);
    expect(english.filter((p) => !all.has(twinOf(p)))).toEqual([]);
    const fromChinese = new Set(english.map(twinOf));
    expect(chinese.filter((p) => !fromChinese.has(p))).toEqual([]);
  });

  it('marks each page with its language and links its twin with hreflang', () => {
    const wrong: string[] = [];
    for (const p of pages) {
      const html = page(p);
      const lang = /<html lang="([^"]+)"/.exec(html)?.[1];
      const zh = p.startsWith('/zh-cn/');
      if (lang !== (zh ? 'zh-CN' : 'en')) wrong.push(`${p}: lang=${lang}`);
      if (isRedirect(html) || p.endsWith('404.html') || p.endsWith('/404/')) continue;
      const en = zh ? p.slice('/zh-cn'.length) : p;
      for (const [hreflang, path] of [
        ['en', en],
        ['zh-CN', `/zh-cn${en}`],
      ])
        if (!new RegExp(`<link rel="alternate" hreflang="${hreflang}" href="https?://[^"/]+${path}"`).test(html))
          wrong.push(`${p}: no hreflang ${hreflang} -> ${path}`);
    }
    expect(wrong.slice(0, 10)).toEqual([]);
  });

  it('keeps a Chinese reader on Chinese pages: every site link of a /zh-cn/ page but the language switch stays under /zh-cn/', () => {
    const leaks: string[] = [];
    for (const p of chinese) {
      const html = page(p).replace(/<a class="lang-switch"[^>]*>/, '');
      for (const [, href] of html.matchAll(/<a\b[^>]*\shref="(\/[^"]*)"/g))
        if (!href.startsWith('/zh-cn/') && !/^\/(api\/[^/]+\.json|snippets\/|sitemap)/.test(href)) leaks.push(`${p} -> ${href}`);
    }
    expect(leaks.slice(0, 10)).toEqual([]);
  });

  it('switches language on the same page', () => {
    expect(page('/linux/econnreset/')).toMatch(/<a class="lang-switch"\s+href="\/zh-cn\/linux\/econnreset\/"[^>]*hreflang="zh-CN"/);
    expect(page('/zh-cn/linux/econnreset/')).toMatch(/<a class="lang-switch"\s+href="\/linux\/econnreset\/"[^>]*hreflang="en"/);
  });

  it('leaves no English UI string in the chrome of a Chinese page', () => {
    const found = new Map<string, string>();
    for (const p of chinese.filter((x) => !isRedirect(page(x)))) {
      // Words, not parts of versions, paths or names with digits (6.18.44-fc-v1272, E2BIG, err.code).
      for (const word of chromeText(page(p)).match(/(?<![\w./-])[A-Za-z][A-Za-z_]*(?![\w./-])/g) ?? [])
        if (!kept.test(word) && !found.has(word)) found.set(word, p);
    }
    expect([...found].map(([w, p]) => `${w} (${p})`).slice(0, 20)).toEqual([]);
  });

  it('catches an English word in Chinese chrome (the check above can fail)', () => {
    expect(chromeText('<footer><p>编辑本页 Edit</p></footer>').match(/[A-Za-z]+/g)).toEqual(['Edit']);
  });

  it('renders the translated guide and scenario, not the English, on Chinese pages', () => {
    expect(page('/zh-cn/linux/econnreset/')).toContain('<h2 id="含义"');
    expect(page('/zh-cn/linux/econnreset/')).not.toContain('translation-pending');
    expect(page('/zh-cn/scenarios/rst-on-close-with-unread-data/')).toContain('发生了什么');
    expect(page('/linux/econnreset/')).toContain('What it means');
  });

  it('shows the Chinese system message, cited, on both languages of an error page', () => {
    for (const p of ['/linux/econnreset/', '/zh-cn/linux/econnreset/']) {
      expect(page(p)).toMatch(/class="local-message"[\s\S]*?<code lang="zh-CN"[^>]*>\s*连接被对方重设\s*<\/code>/);
      expect(page(p)).toContain('po/zh_CN.po');
    }
    expect(page('/zh-cn/winsock/wsaeconnreset/')).toContain('远程主机强迫关闭了一个现有的连接。');
    expect(page('/zh-cn/linux/econnreset/')).toContain(
      '<title>ECONNRESET (104): Connection reset by peer（连接被对方重设） · errno.kb</title>',
    );
    expect(page('/linux/econnreset/')).toContain('<title>ECONNRESET (104): Connection reset by peer · errno.kb</title>');
  });

  it('serves a search index per language, the Chinese one with Chinese meanings and titles', () => {
    const en: SearchIndex = JSON.parse(readFileSync(join(dist, 'api', 'search-index.json'), 'utf8'));
    const zh: SearchIndex = JSON.parse(readFileSync(join(dist, 'zh-cn', 'api', 'search-index.json'), 'utf8'));
    const econnreset = (i: SearchIndex) => i.e.find((e) => e.n === 'ECONNRESET')!;
    expect(econnreset(en).d).toMatch(/^The other end/);
    expect(econnreset(zh).d).toMatch(/[\u4e00-\u9fff]/);
    expect(econnreset(zh).t).toContain('连接被对方重设');
    const scenario = zh.s.find((s) => s.s === 'rst-on-close-with-unread-data')!;
    expect(scenario.h).toMatch(/[\u4e00-\u9fff]/);
    expect(scenario.t).toContain(en.s.find((s) => s.s === 'rst-on-close-with-unread-data')!.h);
  });

  it('lists both languages in the sitemap, each page with its alternate', () => {
    const sitemap = readFileSync(join(dist, 'sitemap-0.xml'), 'utf8');
    expect(sitemap).toContain('/zh-cn/linux/econnreset/</loc>');
    expect(sitemap).toContain('/linux/econnreset/</loc>');
    expect(sitemap).toMatch(/hreflang="zh-CN" href="[^"]+\/zh-cn\/linux\/econnreset\/"/);
    expect(sitemap).not.toContain('/404/');
  });

  it('has a Chinese string for every English one, and none of the glossary words to avoid', () => {
    const glossary = readFileSync(join(dist, '..', 'content', 'i18n', 'glossary.zh-cn.yaml'), 'utf8');
    const avoided = [...glossary.matchAll(/avoid: \[([^\]]*)\]/g)].flatMap((m) => m[1].split(',').map((w) => w.trim()));
    const strings = (value: unknown): string[] =>
      typeof value === 'string'
        ? [value]
        : typeof value === 'function'
          ? [String((value as (...a: unknown[]) => unknown)(1, 2, 3, 4, 5, 6, 7))]
          : value && typeof value === 'object'
            ? Object.values(value).flatMap(strings)
            : [];
    const zh = strings(ui['zh-cn']).join('\n');
    expect(avoided.length).toBeGreaterThan(10);
    expect(avoided.filter((w) => zh.includes(w))).toEqual([]);
    expect(strings(ui['zh-cn']).length).toBe(strings(ui.en).length);
  });
});
