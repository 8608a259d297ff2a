// The instant search over the real content for resolver errors: every line in
// content/messages/resolver.yaml, pasted whole, lands on the page of the error it names, and
// getaddrinfo() numbers find their codes when the query is about a lookup.
import { beforeAll, describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { readContent, type Content } from '../../../src/loaders/read-content.ts';
import { buildSiteSearchIndex } from '../../../src/lib/api.ts';
import { errorUrl } from '../../../src/lib/urls.ts';
import { createSearcher, type Searcher } from '../../../src/lib/search/engine.ts';
import { realSiteData } from '../../support/site-data.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));

let content: Content;
let searcher: Searcher;
beforeAll(() => {
  content = readContent(root);
  searcher = createSearcher(buildSiteSearchIndex(realSiteData(content)));
});

const top = (q: string) => searcher.search(q)[0]?.url;
const byName = () => new Map(content.errors.map((e) => [e.name, e]));

describe('resolver log lines', () => {
  it('has at least 20 lines in content/messages/resolver.yaml', () => {
    expect(content.messages.filter((m) => m.file === 'content/messages/resolver.yaml').length).toBeGreaterThanOrEqual(20);
  });

  it('lands every pasted line on the page of its error', () => {
    const errors = byName();
    const wrong = content.messages
      .filter((m) => m.file === 'content/messages/resolver.yaml')
      .map((m) => {
        const e = errors.get(m.error!)!;
        return { text: m.text, want: errorUrl(e.platform, e.name), got: top(m.text) };
      })
      .filter((r) => r.got !== r.want);
    expect(wrong).toEqual([]);
  });
});

describe('resolver queries', () => {
  it.each([
    ['getaddrinfo ENOTFOUND', '/resolver/enotfound/'],
    ['ENOTFOUND', '/resolver/enotfound/'],
    ['enotfou', '/resolver/enotfound/'],
    ['EAI_AGAIN', '/resolver/eai_again/'],
    ['eai_ag', '/resolver/eai_again/'],
    ['EAI_NONAME', '/resolver/eai_noname/'],
    ['Temporary failure in name resolution', '/resolver/eai_again/'],
    ['Name or service not known', '/resolver/eai_noname/'],
    ['nodename nor servname provided, or not known', '/resolver/eai_noname/'],
    ['No address associated with hostname', '/resolver/eai_nodata/'],
    ['[Errno -2] Name or service not known', '/resolver/eai_noname/'],
    ['[Errno -3]  Temporary failure in name resolution', '/resolver/eai_again/'],
    ['[Errno 8] nodename nor servname provided', '/resolver/eai_noname/'],
    ['errno: -3008', '/resolver/enotfound/'],
    ['errno -3001', '/resolver/eai_again/'],
    ['域名解析暂时失败', '/resolver/eai_again/'],
    ['未知的名称或服务', '/resolver/eai_noname/'],
    ['11001', '/winsock/wsahost_not_found/'],
  ])('%j -> %s', (q, url) => {
    expect(top(q)).toBe(url);
  });

  it('keeps a bare -2 on Node.js ENOENT, with EAI_NONAME listed after it', () => {
    const r = searcher.search('-2').map((x) => `${x.title} (${x.label})`);
    expect(r[0]).toBe('ENOENT (Node.js on Linux, errno -2)');
    expect(r).toContain('EAI_NONAME (getaddrinfo -2 (glibc))');
  });
});
