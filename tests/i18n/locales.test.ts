import { describe, expect, it } from 'vitest';
import { localeOf, localized, unlocalized } from '../../src/i18n/locales.ts';
import { localizeLinks } from '../../src/lib/localize-links.ts';

describe('locale paths', () => {
  it('tells the language of a path, case-insensitively', () => {
    expect(localeOf('/zh-cn/linux/')).toBe('zh-cn');
    expect(localeOf('/ZH-CN/')).toBe('zh-cn');
    expect(localeOf('/linux/econnreset/')).toBe('en');
    expect(localeOf('/zh-cnx/')).toBe('en');
  });

  it('moves a page between languages and leaves data files, other hosts and anchors alone', () => {
    expect(localized('/linux/econnreset/', 'zh-cn')).toBe('/zh-cn/linux/econnreset/');
    expect(localized('/zh-cn/linux/econnreset/', 'zh-cn')).toBe('/zh-cn/linux/econnreset/');
    expect(localized('/zh-cn/linux/econnreset/', 'en')).toBe('/linux/econnreset/');
    expect(localized('/', 'zh-cn')).toBe('/zh-cn/');
    expect(localized('/search/?q=reset', 'zh-cn')).toBe('/zh-cn/search/?q=reset');
    for (const kept of [
      '/api/errors.json',
      '/snippets/rst.ts',
      '/pagefind/pagefind.js',
      '/_astro/x.css',
      '/sitemap-index.xml',
      'https://x.example/',
      '#top',
      '//x.example/',
    ])
      expect(localized(kept, 'zh-cn')).toBe(kept);
    expect(unlocalized('/zh-cn/')).toBe('/');
  });
});

describe('localizeLinks', () => {
  const html =
    '<a href="/linux/">L</a><a class="lang-switch" href="/linux/" data-no-localize>EN</a><form action="/search/"><a href="/api/errors.json">j</a><a href="https://x.example/">x</a>';
  it('points every site link of a Chinese page to Chinese pages, except the language switch and data files', () => {
    expect(localizeLinks(html, 'zh-cn')).toBe(
      '<a href="/zh-cn/linux/">L</a><a class="lang-switch" href="/linux/" data-no-localize>EN</a><form action="/zh-cn/search/"><a href="/api/errors.json">j</a><a href="https://x.example/">x</a>',
    );
  });
  it('leaves English pages as they are', () => {
    expect(localizeLinks(html, 'en')).toBe(html);
  });
});
