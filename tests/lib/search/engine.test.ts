// The instant search over the real content: the index is built with the same function the
// /api/search-index.json endpoint uses (buildSiteSearchIndex).
import { beforeAll, describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { readContent } from '../../../src/loaders/read-content.ts';
import { buildSiteSearchIndex, type SiteData } from '../../../src/lib/api.ts';
import type { SearchIndex } from '../../../src/lib/search/index-format.ts';
import { createSearcher, type Searcher } from '../../../src/lib/search/engine.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));

function realIndex(): SearchIndex {
  const c = readContent(root);
  const data: SiteData = {
    errors: [...c.errors].sort((a, b) => a.platform.localeCompare(b.platform) || a.number - b.number),
    platforms: c.platforms,
    libuvWindows: c.libuvWindows,
    messages: c.messages,
    scenarios: c.scenarios
      .map((s) => ({
        slug: s.slug,
        title: s.title,
        summary: s.summary,
        errors: s.errors,
        documented: s.documented,
        requires: s.requires,
        searchTerms: s.searchTerms,
      }))
      .sort((a, b) => a.slug.localeCompare(b.slug)),
    guideScenarios: Object.fromEntries(c.guides.map((g) => [g.error, g.scenarios])),
  };
  return buildSiteSearchIndex(data);
}

let searcher: Searcher;
beforeAll(() => {
  searcher = createSearcher(realIndex());
});

const top = (q: string) => searcher.search(q)[0]?.url;

describe('top result', () => {
  it.each([
    // numbers and names
    ['10054', '/winsock/wsaeconnreset/'],
    ['104', '/linux/econnreset/'],
    ['errno 104', '/linux/econnreset/'],
    ['Errno 104', '/linux/econnreset/'],
    ['error 10053', '/winsock/wsaeconnaborted/'],
    ['Error code : 10054', '/winsock/wsaeconnreset/'],
    ['socket error # 10054', '/winsock/wsaeconnreset/'],
    ['econnreset', '/linux/econnreset/'],
    ['ECONNRESET', '/linux/econnreset/'],
    ['EConnReset', '/linux/econnreset/'],
    ['WSAECONNRESET', '/winsock/wsaeconnreset/'],
    ['wsaeconnreset', '/winsock/wsaeconnreset/'],
    ['EWOULDBLOCK', '/linux/eagain/'],
    ['ConnectionResetError', '/linux/econnreset/'],
    ['ERROR_NETNAME_DELETED', '/windows/error_netname_deleted/'],
    ['econnr', '/linux/econnreset/'],
    // Node.js: libuv's negative numbers
    ['errno=-4077', '/linux/econnreset/'],
    ['errno: -4077', '/linux/econnreset/'],
    ['-104', '/linux/econnreset/'],
    // pasted log lines
    ['read ECONNRESET', '/linux/econnreset/'],
    ['Error: read ECONNRESET', '/linux/econnreset/'],
    ['java.net.SocketException: Connection reset by peer: socket write error', '/winsock/wsaeconnreset/'],
    ['[WinError 10053] An established connection was aborted by the software in your host machine', '/winsock/wsaeconnaborted/'],
    ['ConnectionResetError: [WinError 10054] An existing connection was forcibly closed by the remote host', '/winsock/wsaeconnreset/'],
    ['curl: (56) Recv failure: Connection reset by peer', '/linux/econnreset/'],
    [
      '2024-05-01 12:00:01 [error] 1234#0: *5 recv() failed (104: Connection reset by peer) while reading response header from upstream, client: 192.0.2.1',
      '/linux/econnreset/',
    ],
    ['[Errno 104] Connection reset by peer', '/linux/econnreset/'],
    ['connect() failed (111: Connection refused) while connecting to upstream', '/linux/econnrefused/'],
    [
      'System.Net.Sockets.SocketException (10053): An established connection was aborted by the software in your host machine.',
      '/winsock/wsaeconnaborted/',
    ],
    // words and typos
    ['connection reset by peer', '/linux/econnreset/'],
    ['conection refused', '/linux/econnrefused/'],
    ['brokn pipe', '/linux/epipe/'],
    ['broken pipe', '/linux/epipe/'],
    ['adress already in use', '/linux/eaddrinuse/'],
    ['too many open files', '/linux/emfile/'],
    // Chinese
    ['管道破裂', '/linux/epipe/'],
  ])('%j -> %s', (q, url) => {
    expect(top(q)).toBe(url);
  });

  it.each([
    ['连接被重置', ['/linux/econnreset/', '/winsock/wsaeconnreset/']],
    ['对方复位连接', ['/linux/econnreset/', '/winsock/wsaeconnreset/']],
    ['软件导致连接中止', ['/winsock/wsaeconnaborted/', '/linux/econnaborted/']],
  ])('%j -> one of %j, both among the first three', (q, urls) => {
    const results = searcher
      .search(q)
      .slice(0, 3)
      .map((r) => r.url);
    expect(urls).toContain(results[0]);
    for (const u of urls) expect(results).toContain(u);
  });
});

describe('numbers on every platform', () => {
  const labels = (q: string) => searcher.search(q).map((r) => `${r.title} (${r.label})`);
  it('lists 54 on Linux and as ECONNRESET on macOS', () => {
    const r = labels('54');
    expect(r).toContain('ECONNRESET (macOS errno 54)');
    expect(r.some((l) => l.includes('Linux errno 54'))).toBe(true);
  });
  it('lists 64 as a Windows system error and a Linux errno', () => {
    const r = labels('64');
    expect(r).toContain('ERROR_NETNAME_DELETED (Windows system error 64)');
    expect(r.some((l) => l.includes('Linux errno 64'))).toBe(true);
  });
  it('labels Node.js numbers by platform', () => {
    expect(labels('errno: -4077')[0]).toBe('ECONNRESET (Node.js on Windows, errno -4077)');
    expect(labels('-104')[0]).toBe('ECONNRESET (Node.js on Linux, errno -104)');
  });
  it('puts exact matches before fuzzy ones', () => {
    const r = searcher.search('10054');
    expect(r[0]).toMatchObject({ title: 'WSAECONNRESET', match: 'exact', label: 'Winsock 10054' });
    const exact = r.filter((x) => x.match === 'exact').length;
    expect(r.slice(0, exact).every((x) => x.match === 'exact')).toBe(true);
  });
});

describe('nonsense and hostile input', () => {
  it.each(['asdfghjkl qwerty', 'zzzzzzzz', '99999', 'xyzzy plugh', '😀😀😀', '   ', ''])('%j gives no results', (q) => {
    expect(searcher.search(q)).toEqual([]);
  });

  it.each([
    ['regex characters', '.*+?^${}()|[]\\'],
    ['10,000 characters', 'connection reset '.repeat(600)],
    ['10,000 x', 'x'.repeat(10_000)],
    ['emoji', '🔥 ECONNRESET 🔥'],
    ['CJK', '连接'.repeat(2000)],
    ['only spaces', ' '.repeat(10_000)],
    ['null bytes', '\u0000ECONNRESET\u0000'],
    ['lone surrogate', '\ud800\udc00\ud800 errno 104'],
    ['nested brackets', '('.repeat(3000) + '104: x' + ')'.repeat(3000)],
    ['many numbers', Array.from({ length: 3000 }, (_, i) => `errno ${i}`).join(' ')],
  ])('%s: never throws, stays fast', (_label, q) => {
    const started = performance.now();
    const r = searcher.search(q);
    expect(Array.isArray(r)).toBe(true);
    expect(r.length).toBeLessThanOrEqual(8);
    expect(performance.now() - started).toBeLessThan(500);
  });

  it('never throws on non-strings', () => {
    expect(searcher.search(undefined as unknown as string)).toEqual([]);
    expect(searcher.search(null as unknown as string)).toEqual([]);
  });
});
