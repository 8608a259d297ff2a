// The scenario library and guides meet the floor the project promises.
import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { readContent } from '../../src/loaders/read-content.ts';
import { headings, guideSections } from '../../src/lib/checks.ts';

const content = readContent(fileURLToPath(new URL('../..', import.meta.url)));

/** The guides users need most (issue 4); each must exist with the four sections. */
const requiredGuides = [
  'ECONNRESET',
  'EPIPE',
  'ECONNREFUSED',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EADDRINUSE',
  'EADDRNOTAVAIL',
  'EAGAIN',
  'EINTR',
  'EINPROGRESS',
  'EALREADY',
  'EISCONN',
  'ENOTCONN',
  'ESHUTDOWN',
  'EMFILE',
  'ENFILE',
  'ENOBUFS',
  'EMSGSIZE',
  'EINVAL',
  'ENOTSOCK',
  'EBADF',
  'WSAECONNABORTED',
  'WSAECONNRESET',
  'WSAETIMEDOUT',
  'WSAECONNREFUSED',
  'WSAEWOULDBLOCK',
  'WSAEADDRINUSE',
  'WSANOTINITIALISED',
];

describe('scenario library', () => {
  it('has at least 16 scenarios, each with Linux expectations', () => {
    expect(content.scenarios.length).toBeGreaterThanOrEqual(16);
    for (const s of content.scenarios) expect(s.expect.linux, s.slug).toBeDefined();
  });

  it('documents the Windows outcome of every scenario, with a citation', () => {
    for (const s of content.scenarios) expect(s.documented.windows?.sources.length, s.slug).toBeGreaterThan(0);
  });
});

describe('guides', () => {
  it.each(requiredGuides)('%s has a guide with the four sections in order', (name) => {
    const guide = content.guides.find((g) => g.error === name);
    expect(guide, `content/guides/${name}.mdx`).toBeDefined();
    const found = headings(guide!.body).filter((h) => (guideSections as readonly string[]).includes(h));
    expect(found).toEqual([...guideSections]);
  });
});
