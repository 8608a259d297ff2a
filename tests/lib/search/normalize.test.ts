import { describe, expect, it } from 'vitest';
import { extractSignals, normalizeQuery, tokenize, MAX_QUERY } from '../../../src/lib/search/normalize.ts';

describe('normalizeQuery', () => {
  it.each([
    [
      '2024-05-01 12:00:01 [error] 1234#0: *5 recv() failed (104: Connection reset by peer)',
      'error recv failed 104: connection reset by peer',
    ],
    ['connect to 192.0.2.1:8080 failed', 'connect to failed'],
    ['connect to [2001:db8::1]:443 failed', 'connect to failed'],
    ['fe80::1 unreachable', 'unreachable'],
    ['GET http://example.com/api/ timed out', 'get timed out'],
    ['open /var/log/app.log: Permission denied', 'open permission denied'],
    ['C:\\Users\\me\\app.exe crashed', 'crashed'],
    ['HRESULT 0x80004005 "access"', 'hresult access'],
    ['  many   spaces\there\n', 'many spaces here'],
    ['May  1 12:00:01 host sshd[99]: Connection reset', 'host sshd 99 : connection reset'],
    ['I/O error', 'i/o error'],
    ['a\u0000b', 'a b'],
  ])('%j -> %j', (input, expected) => {
    expect(normalizeQuery(input)).toBe(expected);
  });

  it('truncates long input and never throws on odd values', () => {
    expect(normalizeQuery('x '.repeat(10_000)).length).toBeLessThanOrEqual(MAX_QUERY);
    expect(normalizeQuery(undefined)).toBe('');
    expect(normalizeQuery(42 as unknown)).toBe('');
    expect(normalizeQuery('.*+?^${}()|[]\\')).toBe('.*+?^$ | \\');
  });
});

describe('extractSignals', () => {
  const nums = (q: string) => extractSignals(q).numbers.map((n) => `${n.kind}:${n.value}`);
  it.each([
    ['10054', ['any:10054']],
    ['104', ['any:104']],
    ['errno 104', ['posix:104']],
    ['errno=104', ['posix:104']],
    ['error 10053', ['any:10053']],
    ['Error code : 10054', ['any:10054']],
    ['socket error # 10054', ['any:10054']],
    ['errno=-4077', ['node:-4077']],
    ['errno: -4077', ['node:-4077']],
    ['-104', ['node:-104']],
    ['[WinError 10054] An existing connection was forcibly closed', ['windows:10054']],
    ['[Errno 104] Connection reset by peer', ['posix:104']],
    ['recv() failed (104: Connection reset by peer)', ['posix:104']],
    ['Connection reset by peer (os error 104)', ['posix:104']],
    ['System.Net.Sockets.SocketException (10053): An established connection', ['any:10053']],
    ['curl: (56) Recv failure: Connection reset by peer', []],
    ['2024-05-01 12:00:01 [error] 1234#0: *5 recv() failed (104: x)', ['posix:104']],
    ['read ECONNRESET', []],
    // Windows codes in hex, bare or in an HRESULT (0x8007xxxx), and that HRESULT signed as .NET prints it
    ['0x2746', ['windows:10054']],
    ['0x80072746', ['windows:10054']],
    ['-2147014842', ['windows:10054']],
    ['HResult=-2147014842', ['windows:10054']],
    ['Software caused connection abort (0x00002745/10053)', ['windows:10053']],
    ['HRESULT 0x80004005', []],
  ])('%j -> %j', (q, expected) => {
    expect(nums(q)).toEqual(expected);
  });

  it('finds names and platform hints', () => {
    expect(extractSignals('Error: read ECONNRESET').words).toContain('econnreset');
    expect(extractSignals('WSAECONNRESET').words).toEqual(['wsaeconnreset']);
    expect(extractSignals('[WinError 10053] An established connection was aborted').platform).toBe('windows');
    expect(extractSignals('nginx: recv() failed (104: Connection reset by peer)').platform).toBe('linux');
    expect(extractSignals('10054').bareNumber).toBe(true);
    expect(extractSignals('errno 104').bareNumber).toBe(false);
    expect(extractSignals('0x80072746').bareNumber).toBe(true);
    expect(extractSignals('0x2746').platform).toBe('windows');
  });

  it('is fast and safe on hostile input', () => {
    const hostile = [
      '.*+?^${}()|[]\\',
      'a'.repeat(10_000),
      '('.repeat(5000) + '1:',
      'errno '.repeat(3000),
      '😀'.repeat(3000),
      '连接'.repeat(3000),
      ' '.repeat(10_000),
      '\u0000'.repeat(100),
      '0x'.repeat(5000),
      '1.'.repeat(5000),
      ':'.repeat(5000),
      '/'.repeat(5000),
    ];
    for (const q of hostile) {
      const started = performance.now();
      const s = extractSignals(q);
      expect(performance.now() - started).toBeLessThan(200);
      expect(s.text.length).toBeLessThanOrEqual(MAX_QUERY);
      expect(s.numbers.length).toBeLessThanOrEqual(8);
    }
  });
});

describe('tokenize', () => {
  it('splits words and makes CJK bigrams', () => {
    expect(tokenize('Connection reset by peer')).toEqual(['connection', 'reset', 'peer']);
    expect(tokenize('连接被重置')).toEqual(['连接', '接被', '被重', '重置']);
    expect(tokenize('errno 104: 连接')).toEqual(['errno', '104', '连接']);
    expect(tokenize('x'.repeat(100) + ' ' + 'y '.repeat(500), 10).length).toBeLessThanOrEqual(10);
  });
});
