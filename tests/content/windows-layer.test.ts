// Regression tests for the Windows-layer defects of issue 11: each assertion fails if the wrong
// statement comes back. The Linux halves (items 6, 7, 12) are verified scenarios instead.
import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { readContent } from '../../src/loaders/read-content.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const content = readContent(root);
const guide = (name: string) => content.guides.find((g) => g.error === name)!.body;
const scenario = (slug: string) => content.scenarios.find((s) => s.slug === slug)!;
const error = (name: string) => content.errors.find((e) => e.name === name)!;
const allProse = [...content.guides, ...content.scenarios].map((d) => d.body).join('\n');

describe('issue 11, Windows layer', () => {
  it('1: the WSAECONNABORTED guide no longer says Linux ECONNABORTED mostly comes from accept()', () => {
    expect(guide('WSAECONNABORTED')).not.toMatch(/mostly shows up in `accept\(\)`/);
    expect(guide('WSAECONNABORTED')).toContain('still handed to `accept()`');
  });

  it('2: libuv turns 10053 into ECONNRESET on reads, ECONNABORTED or ECANCELED on writes', () => {
    expect(guide('WSAECONNABORTED')).toMatch(/10053 on a TCP read into ECONNRESET; on a write it is ECONNABORTED/);
    const ops = content.libuvWindows.operations.filter((o) => o.error === 'WSAECONNABORTED');
    expect(ops.map((o) => [o.operation, o.code])).toEqual([
      ['TCP read', 'ECONNRESET'],
      ['TCP write queued with the kernel', 'ECANCELED'],
    ]);
  });

  it('4: the keep-alive outcome is stated once, in the scenario, and guides render it', () => {
    const keepalive = scenario('keepalive-detects-dead-peer').documented.windows!;
    expect(keepalive.outcome).toContain('WSAENETRESET (10052)');
    expect(keepalive.quote?.length).toBeGreaterThanOrEqual(3);
    for (const name of ['WSAECONNABORTED', 'WSAETIMEDOUT'])
      expect(guide(name)).toContain('<Outcome scenario="keepalive-detects-dead-peer" platform="windows" />');
  });

  it('5: 10053 after an early response is labelled reported, and not promised by close with unread data', () => {
    expect(scenario('early-response-while-client-uploads').documented.windows?.level).toBe('reported');
    expect(scenario('rst-on-close-with-unread-data').documented.windows?.outcome).not.toContain('10053');
  });

  it('6: no page says a RST destroys data the peer has already received', () => {
    expect(allProse).not.toMatch(/RST can destroy the response|already\s+received but not yet read may be lost/);
  });

  it('8: non-blocking connect on Windows is WSAEWOULDBLOCK, said where EINPROGRESS is paired with WSAEINPROGRESS', () => {
    expect(guide('EINPROGRESS')).toContain('[WSAEWOULDBLOCK](/winsock/wsaewouldblock/)');
    const w = error('WSAEINPROGRESS');
    expect(w.platform === 'winsock' && w.description).toContain('WSAEWOULDBLOCK');
  });

  it('9: Rust kinds name the std version they hold for', () => {
    expect(content.platforms.EOPNOTSUPP.rust).toMatch(/^io::ErrorKind::Unsupported since Rust 1\.88/);
    for (const name of ['EMFILE', 'ENFILE'])
      expect(content.platforms[name].rust).toMatch(/kind\(\) is Uncategorized on Rust 1\.\d+, run here/);
  });

  it('10: SYN retry timing gives both schedules and names the kernel that changed it', () => {
    const body = scenario('connect-timeout-to-unresponsive-host').body;
    expect(body).toMatch(/before 6\.5 .*about 127 s/);
    expect(body).toMatch(/6\.5 and later .*1, 2, 3, 4, 5, then 7, 11, 19, 35, 67 .*about 131 s/);
    expect(guide('ETIMEDOUT')).toMatch(/127 seconds before Linux 6\.5, about 131 seconds since/);
    expect(allProse).not.toMatch(/about 127 s by default/);
  });

  it('11: one figure for a refused connect on Windows, labelled reported', () => {
    expect(allProse).not.toMatch(/about a second/);
    expect(guide('WSAECONNREFUSED')).toMatch(/reported by libuv's developers[^.]*about 2 seconds/);
  });

  it('13: Winsock meanings say only what Microsoft says', () => {
    expect(error('WSAECONNABORTED').meaning).not.toMatch(/reset while data was pending/);
    expect(error('WSAECONNRESET').meaning).not.toMatch(/pending data is lost/);
  });

  it('14: the peer-killed Windows outcome is quoted from the page that says it', () => {
    const w = scenario('peer-process-killed').documented.windows!;
    expect(w.sources).not.toContain('ms-closesocket');
    expect(w.quote?.[0].text).toContain('peer application on the remote host is suddenly stopped');
  });

  it('15: RST on close with unread data cites RFC 1122 4.2.2.13 and RFC 2525 2.17', () => {
    expect(scenario('rst-on-close-with-unread-data').sources).toEqual(expect.arrayContaining(['rfc1122-close', 'rfc2525']));
  });
});
