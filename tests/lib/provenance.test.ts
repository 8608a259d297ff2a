// Provenance of platform outcomes: each one says how it is known (verified, documented,
// reported), on the page and in dist/api/scenarios.json.
import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { readContent } from '../../src/loaders/read-content.ts';
import { buildScenariosApi } from '../../src/lib/api.ts';
import { realSiteData } from '../support/site-data.ts';
import { isCode, isOwnerSource, speakerOf } from '../../src/lib/provenance.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const content = readContent(root);

function api() {
  return buildScenariosApi(realSiteData(content));
}

describe('provenance in the scenarios API', () => {
  it('gives every scenario the level of each platform outcome, and the quote of each documented one', () => {
    for (const entry of api()) {
      expect(entry.levels.linux, entry.slug).toBe('not verified'); // no verification run here
      for (const os of ['windows', 'darwin'] as const) {
        const doc = entry.documented[os];
        expect(entry.levels[os], `${entry.slug} ${os}`).toBe(doc?.level);
        if (doc?.level === 'documented') expect(doc.quote?.length, `${entry.slug} ${os}`).toBeGreaterThan(0);
      }
    }
  });

  it('labels the folklore about 10053 on an early response as reported, not documented', () => {
    const early = api().find((e) => e.slug === 'early-response-while-client-uploads')!;
    expect(early.levels.windows).toBe('reported');
  });
});

describe('speakerOf', () => {
  it.each([
    ['recv function (winsock2.h), Microsoft Learn', 'Microsoft Learn'],
    ['Apple XNU kernel, bsd/sys/errno.h (macOS errno numbers)', "Apple's XNU source"],
    ['accept(2), macOS / BSD System Calls Manual', "Apple's manual"],
    ['libuv, src/win/error.c, uv_translate_sys_error()', "libuv's source"],
    ['RFC 9293, Transmission Control Protocol (TCP)', 'RFC 9293'],
    ['Chilkat, WSAECONNABORTED (10053)', 'Chilkat, WSAECONNABORTED (10053)'],
  ])('%s -> %s', (title, speaker) => {
    expect(speakerOf(title)).toBe(speaker);
  });
});

describe('isCode', () => {
  it.each([
    ['#define ETIMEDOUT       60              /* Operation timed out */', true],
    ["emitErrorEvent(req, new ConnResetException('socket hang up'));", true],
    ['if (err == UV_ECONNABORTED)\n        continue;  /* Ignore. Nothing we can do about that. */', true],
    ['if (setsockopt(tcp->io_watcher.fd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof(on)))', true],
    ['If the connection has been gracefully closed, the return value is zero.', false],
    ['[EMFILE] The per-process descriptor table is full.', false],
  ])('%s -> %s', (text, code) => {
    expect(isCode(text)).toBe(code);
  });
});

describe('isOwnerSource', () => {
  it.each([
    ['send function (winsock2.h), Microsoft Learn', true],
    ['Node.js source, lib/net.js', true],
    ['dotnet/aspnetcore issue 49594, request size limit rejection', false],
    ['Chilkat, WSAECONNABORTED (10053)', false],
  ])('%s -> %s', (title, owner) => {
    expect(isOwnerSource(title)).toBe(owner);
  });
});
