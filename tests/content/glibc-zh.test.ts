// messageZh of every Linux and resolver error is glibc's own Simplified Chinese text: it must
// equal what this machine's glibc catalog (libc.mo from Debian's `locales` package, built from
// po/zh_CN.po) gives for the English message. A typo or a guessed translation fails here.
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { mo } from 'gettext-parser';
import { readContent } from '../../src/loaders/read-content.ts';

const catalogPath = '/usr/share/locale/zh_CN/LC_MESSAGES/libc.mo';
const root = fileURLToPath(new URL('../..', import.meta.url));
const content = readContent(root);

describe("messageZh against glibc's zh_CN catalog", () => {
  it('finds the catalog (Debian: apt-get install locales)', () => {
    expect(existsSync(catalogPath), `${catalogPath} is missing`).toBe(true);
  });

  it('gives every Linux and glibc resolver message its catalog translation, cited as glibc-po-zh-cn', () => {
    const catalog = mo.parse(readFileSync(catalogPath)).translations[''];
    const glibc = content.errors.filter((e) => e.platform === 'linux' || (e.platform === 'resolver' && e.messageFrom === 'glibc'));
    const wrong = glibc.flatMap((e) => {
      const expected = catalog[e.message]?.msgstr[0];
      if (!expected) return e.messageZh ? [`${e.name}: the catalog has no translation of "${e.message}"`] : [];
      if (e.messageZh?.text !== expected) return [`${e.name}: messageZh is ${JSON.stringify(e.messageZh?.text)}, glibc says "${expected}"`];
      if (!e.messageZh.sources.includes('glibc-po-zh-cn')) return [`${e.name}: messageZh does not cite glibc-po-zh-cn`];
      return [];
    });
    expect(wrong).toEqual([]);
    expect(glibc.filter((e) => e.messageZh).length).toBeGreaterThan(140);
  });

  it('states each Chinese message once: not again among the search terms', () => {
    const twice = content.errors.filter((e) => e.messageZh && e.searchTerms.includes(e.messageZh.text)).map((e) => e.name);
    expect(twice).toEqual([]);
  });

  it('cites every Windows and Winsock Chinese message by a real log (reported) or Microsoft (documented)', () => {
    const windows = content.errors.filter((e) => (e.platform === 'winsock' || e.platform === 'windows') && e.messageZh);
    expect(windows.length).toBeGreaterThan(30);
    for (const e of windows) for (const id of e.messageZh!.sources) expect(content.sources[id], `${e.name}: ${id}`).toBeDefined();
  });
});
