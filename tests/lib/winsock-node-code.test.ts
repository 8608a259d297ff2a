// The Node.js row of every Winsock and Windows error page comes from libuv's Windows mapping
// (content/errors/libuv-windows.yaml, the case list of uv_translate_sys_error() in
// src/win/error.c), never from the POSIX equivalent's Linux code.
import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { readContent } from '../../src/loaders/read-content.ts';
import { equivalentRows, windowsNodeCode } from '../../src/lib/equivalents.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const content = readContent(root);
const byName = new Map(content.errors.map((e) => [e.name, e]));
const libuv = content.libuvWindows;
const nodeRow = (name: string) =>
  equivalentRows(byName.get(name)!, byName, content.platforms, libuv).find((r) => r.label === 'Node.js err.code')?.value;

describe('Node.js code on Winsock and Windows pages', () => {
  it('holds the whole case list of libuv src/win/error.c', () => {
    expect(Object.keys(libuv.map)).toHaveLength(99);
    expect(libuv.map.WSAEWOULDBLOCK).toBe('EAGAIN');
  });

  it.each(content.errors.filter((e) => e.platform === 'winsock' || e.platform === 'windows').map((e) => e.name))(
    "%s: the row starts with libuv's code",
    (name) => {
      const { code } = windowsNodeCode(name, libuv);
      expect(code).toBe(libuv.map[libuv.sameAs[name] ?? name] ?? 'UNKNOWN');
      expect(nodeRow(name)?.split(/[ ,;]/)[0]).toBe(code);
    },
  );

  it.each([
    ['WSAEINTR', 'ECANCELED'],
    ['WSAESHUTDOWN', 'EPIPE'],
    ['WSAEPFNOSUPPORT', 'EINVAL'],
    ['WSA_OPERATION_ABORTED', 'ECANCELED'],
    ['WSAHOST_NOT_FOUND', 'ENOENT'],
    ...[
      'WSAENETDOWN',
      'WSAEHOSTDOWN',
      'WSAEBADF',
      'WSAEDESTADDRREQ',
      'WSAEPROTOTYPE',
      'WSAENOPROTOOPT',
      'WSAEOPNOTSUPP',
      'WSAELOOP',
      'WSAENAMETOOLONG',
      'WSAENOTEMPTY',
      'WSAECANCELLED',
      'WSAENETRESET',
      'WSA_IO_PENDING',
    ].map((n) => [n, 'UNKNOWN']),
  ])('%s is %s in Node.js on Windows, whatever its POSIX twin', (name, code) => {
    expect(windowsNodeCode(name, libuv).code).toBe(code);
    expect(nodeRow(name)).toMatch(new RegExp(`^${code}\\b`));
  });

  it('gives WSAECONNABORTED its per-call codes: ECONNRESET on a TCP read, ECANCELED on a queued TCP write', () => {
    expect(nodeRow('WSAECONNABORTED')).toBe(
      'ECONNABORTED, -4079 on Windows; ECONNRESET on a TCP read; ECANCELED on a TCP write queued with the kernel',
    );
  });

  it('keeps the Linux page row on the POSIX code', () => {
    expect(nodeRow('EINTR')).toBe('EINTR, errno -4 on Linux, -4072 on Windows');
  });
});
