import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { buildSearchIndex, indexErrorUrl, shorten, type SearchIndex } from '../../../src/lib/search/index-format.ts';
import type { ErrorApiEntry } from '../../../src/lib/api.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));

const entry = (over: Partial<ErrorApiEntry>): ErrorApiEntry => ({
  platform: 'linux',
  name: 'ECONNRESET',
  number: 104,
  message: 'Connection reset by peer',
  meaning: 'The other end aborted the connection with a TCP RST instead of closing it normally.',
  aliases: [],
  url: '/linux/econnreset/',
  numberUrl: '/linux/104/',
  scenarios: [],
  related: [],
  searchTerms: ['连接被重置'],
  hasGuide: false,
  equivalents: {
    darwin: 54,
    freebsd: 54,
    winsock: 'WSAECONNRESET',
    windows: [],
    node: { code: 'ECONNRESET', uvLinux: -104, uvWindows: -4077 },
    python: 'ConnectionResetError',
  },
  messages: [{ text: 'read ECONNRESET', program: 'Node.js', platform: 'any' }],
  ...over,
});

describe('buildSearchIndex', () => {
  it('compacts an entry and derives its address', () => {
    const idx = buildSearchIndex([entry({})], [{ slug: 'a-b', title: 'A b', summary: 'S', url: '/scenarios/a-b/', searchTerms: [] }]);
    expect(idx.e[0]).toEqual({
      p: 'l',
      n: 'ECONNRESET',
      c: 104,
      m: 'Connection reset by peer',
      d: 'The other end aborted the connection with a TCP RST instead of closing it normally.',
      t: ['连接被重置', 'ConnectionResetError'],
      g: ['read ECONNRESET'],
      x: { d: 54, f: 54, ul: -104, uw: -4077 },
    });
    expect(indexErrorUrl(idx.e[0])).toBe('/linux/econnreset/');
    expect(idx.s).toEqual([{ s: 'a-b', h: 'A b', d: 'S' }]);
  });

  it('keeps an address that does not follow the pattern', () => {
    const idx = buildSearchIndex([entry({ url: '/elsewhere/' })], []);
    expect(indexErrorUrl(idx.e[0])).toBe('/elsewhere/');
  });

  it('shortens at a word boundary', () => {
    expect(shorten('short', 10)).toBe('short');
    expect(shorten('one two three four five six', 14)).toBe('one two three…');
  });
});

// The served index, once `npm run build` has produced dist/.
const dist = `${root}dist/api/`;
describe.runIf(existsSync(`${dist}search-index.json`) && existsSync(`${dist}errors.json`))('dist/api/search-index.json', () => {
  const raw = existsSync(`${dist}search-index.json`) ? readFileSync(`${dist}search-index.json`) : Buffer.from('{}');
  it('is at most 40 KB gzip', () => {
    expect(gzipSync(raw, { level: 9 }).length).toBeLessThanOrEqual(40 * 1024);
  });
  it('has every error of errors.json, at the same address', () => {
    const index = JSON.parse(raw.toString('utf8')) as SearchIndex;
    const errors = JSON.parse(readFileSync(`${dist}errors.json`, 'utf8')) as ErrorApiEntry[];
    expect(index.e.map((e) => `${e.n} ${indexErrorUrl(e)} ${e.c}`)).toEqual(errors.map((e) => `${e.name} ${e.url} ${e.number}`));
  });
});
