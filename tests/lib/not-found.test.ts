import { describe, expect, it } from 'vitest';
import { notFoundGuess } from '../../src/lib/not-found.ts';

describe('notFoundGuess', () => {
  it.each([
    ['/linux/ECONNRESET/', ['/linux/econnreset/'], 'ECONNRESET'],
    ['/linux/EConnReset', ['/linux/econnreset/'], 'EConnReset'],
    ['/winsock/WSAECONNRESET/', ['/winsock/wsaeconnreset/'], 'WSAECONNRESET'],
    ['/Windows/ERROR_ACCESS_DENIED/', ['/windows/error_access_denied/'], 'ERROR_ACCESS_DENIED'],
    ['/ECONNRESET/', ['/econnreset/', '/linux/econnreset/'], 'ECONNRESET'],
    ['/WSAECONNRESET', ['/wsaeconnreset/', '/winsock/wsaeconnreset/'], 'WSAECONNRESET'],
    ['/error_access_denied/', ['/windows/error_access_denied/'], 'error_access_denied'],
    // Already lower case: nothing else to try, only the search box.
    ['/linux/enosuchthing/', [], 'enosuchthing'],
    ['/errors/connection%20reset%20by%20peer/', [], 'connection reset by peer'],
    ['/', [], ''],
    ['/linux/%E0%A4%A/', [], '%E0%A4%A'],
  ])('%j', (path, candidates, query) => {
    expect(notFoundGuess(path)).toEqual({ candidates, query, locale: 'en' });
  });

  it.each([
    ['/zh-cn/linux/ECONNRESET/', ['/zh-cn/linux/econnreset/'], 'ECONNRESET'],
    ['/ZH-CN/Linux/ECONNRESET', ['/zh-cn/linux/econnreset/'], 'ECONNRESET'],
    ['/zh-cn/WSAECONNRESET', ['/zh-cn/wsaeconnreset/', '/zh-cn/winsock/wsaeconnreset/'], 'WSAECONNRESET'],
    ['/ZH-CN/', ['/zh-cn/'], ''],
    // Already lower case under /zh-cn/: the Chinese 404 page takes over with the search box.
    ['/zh-cn/linux/enosuchthing/', [], 'enosuchthing'],
  ])('under /zh-cn/: %j', (path, candidates, query) => {
    expect(notFoundGuess(path)).toEqual({ candidates, query, locale: 'zh-cn' });
  });

  it('never builds an address from odd characters', () => {
    expect(notFoundGuess('/linux/<script>/').candidates).toEqual([]);
    expect(notFoundGuess('//evil.example/X/').candidates).toEqual(['/evil.example/x/']);
    expect(notFoundGuess('/' + 'A/'.repeat(600)).candidates).toEqual([]);
  });
});
