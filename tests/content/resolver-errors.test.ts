// Data tests for content/errors/resolver.yaml: getaddrinfo()'s EAI_* codes with glibc's
// numbers and gai_strerror() texts, libuv's numbers and Node.js's ENOTFOUND, checked against
// this machine's <netdb.h> and the running Node.js where they are available.
import { describe, it, expect, beforeAll } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { getSystemErrorMap } from 'node:util';
import { fileURLToPath } from 'node:url';
import { readContent } from '../../src/loaders/read-content.ts';
import { equivalentRows } from '../../src/lib/equivalents.ts';
import type { ErrorRecord } from '../../src/schemas/index.ts';

type ResolverError = Extract<ErrorRecord, { platform: 'resolver' }>;

const root = fileURLToPath(new URL('../../', import.meta.url));
const NETDB = '/usr/include/netdb.h';

/**
 * The reference: glibc resolv/netdb.h numbers (EAI_NODATA and EAI_ADDRFAMILY are GNU
 * extensions) and sysdeps/posix/gai_strerror-strs.h messages; macOS values from Apple's
 * Libinfo netdb.h; the Winsock codes ws2tcpip.h defines EAI_* as (Microsoft's getaddrinfo page).
 */
const EAI: Record<string, { number: number; message: string; darwin: number; winsock?: string }> = {
  EAI_BADFLAGS: { number: -1, message: 'Bad value for ai_flags', darwin: 3, winsock: 'WSAEINVAL' },
  EAI_NONAME: { number: -2, message: 'Name or service not known', darwin: 8, winsock: 'WSAHOST_NOT_FOUND' },
  EAI_AGAIN: { number: -3, message: 'Temporary failure in name resolution', darwin: 2, winsock: 'WSATRY_AGAIN' },
  EAI_FAIL: { number: -4, message: 'Non-recoverable failure in name resolution', darwin: 4, winsock: 'WSANO_RECOVERY' },
  EAI_NODATA: { number: -5, message: 'No address associated with hostname', darwin: 7, winsock: 'WSAHOST_NOT_FOUND' },
  EAI_FAMILY: { number: -6, message: 'ai_family not supported', darwin: 5, winsock: 'WSAEAFNOSUPPORT' },
  EAI_SOCKTYPE: { number: -7, message: 'ai_socktype not supported', darwin: 10, winsock: 'WSAESOCKTNOSUPPORT' },
  EAI_SERVICE: { number: -8, message: 'Servname not supported for ai_socktype', darwin: 9, winsock: 'WSATYPE_NOT_FOUND' },
  EAI_ADDRFAMILY: { number: -9, message: 'Address family for hostname not supported', darwin: 1 },
  EAI_MEMORY: { number: -10, message: 'Memory allocation failure', darwin: 6, winsock: 'WSA_NOT_ENOUGH_MEMORY' },
  EAI_SYSTEM: { number: -11, message: 'System error', darwin: 11 },
  EAI_OVERFLOW: { number: -12, message: 'Result too large for supplied buffer', darwin: 14 },
};

let resolver: ResolverError[] = [];
let byName = new Map<string, ResolverError>();
let all = new Map<string, ErrorRecord>();
let platforms: ReturnType<typeof readContent>['platforms'] = {};
let libuvWindows: ReturnType<typeof readContent>['libuvWindows'];

beforeAll(() => {
  const content = readContent(root);
  resolver = content.errors.filter((e): e is ResolverError => e.platform === 'resolver');
  byName = new Map(resolver.map((e) => [e.name, e]));
  all = new Map(content.errors.map((e) => [e.name, e]));
  platforms = content.platforms;
  libuvWindows = content.libuvWindows;
});

describe('content/errors/resolver.yaml', () => {
  it('has every getaddrinfo() code of glibc with its number, message, macOS number and Winsock code', () => {
    const wrong: string[] = [];
    for (const [name, want] of Object.entries(EAI)) {
      const e = byName.get(name);
      if (!e) wrong.push(`${name} is missing`);
      else if (e.number !== want.number || e.message !== want.message || e.darwin !== want.darwin || e.winsock !== want.winsock)
        wrong.push(`${name}: got ${JSON.stringify([e.number, e.message, e.darwin, e.winsock])}`);
    }
    expect(wrong).toEqual([]);
  });

  it('has nothing else but ENOTFOUND, the code Node.js makes up', () => {
    expect(resolver.map((e) => e.name).filter((n) => !(n in EAI))).toEqual(['ENOTFOUND']);
    expect(byName.get('ENOTFOUND')?.messageFrom).toBe('node');
    expect(resolver.filter((e) => e.messageFrom === 'node').map((e) => e.name)).toEqual(['ENOTFOUND']);
  });

  it.runIf(existsSync(NETDB))(`matches the numbers in this machine's ${NETDB}`, () => {
    const header = readFileSync(NETDB, 'utf8');
    const defined = new Map([...header.matchAll(/^#\s*define\s+(EAI_[A-Z]+)\s+(-\d+)/gm)].map((m) => [m[1], Number(m[2])]));
    for (const [name, want] of Object.entries(EAI)) expect(defined.get(name), `${NETDB}: ${name}`).toBe(want.number);
  });

  it("matches libuv's numbers and names in the running Node.js (util.getSystemErrorMap())", () => {
    const uvNames = new Map([...getSystemErrorMap()].map(([n, [name]]) => [name, n]));
    let checked = 0;
    for (const e of resolver.filter((r) => r.messageFrom === 'glibc')) {
      if (e.uv === undefined) continue;
      expect(uvNames.get(e.name), `UV_${e.name}`).toBe(e.uv);
      checked++;
    }
    expect(checked).toBe(11);
    // ENOTFOUND carries the number of the code behind it most often.
    expect(byName.get('ENOTFOUND')?.number).toBe(uvNames.get('EAI_NONAME'));
  });

  it('says what Node.js reports: ENOTFOUND for EAI_NONAME and EAI_NODATA, the code itself otherwise, the errno for EAI_SYSTEM', () => {
    for (const e of resolver.filter((r) => r.messageFrom === 'glibc')) {
      const want = e.name === 'EAI_NONAME' || e.name === 'EAI_NODATA' ? 'ENOTFOUND' : e.name === 'EAI_SYSTEM' ? 'errno' : e.name;
      expect(e.node, e.name).toBe(want);
    }
  });

  it('links the Winsock codes both ways', () => {
    for (const [winsock, eai] of [
      ['WSAHOST_NOT_FOUND', 'EAI_NONAME'],
      ['WSATRY_AGAIN', 'EAI_AGAIN'],
      ['WSANO_RECOVERY', 'EAI_FAIL'],
      ['WSANO_DATA', 'EAI_NODATA'],
    ]) {
      expect(all.get(winsock)?.related, `${winsock}.related`).toContain(eai);
      expect(byName.get(eai)?.related, `${eai}.related`).toContain(winsock);
    }
    for (const e of resolver) if (e.winsock) expect(all.get(e.winsock)?.platform, `${e.name}.winsock`).toBe('winsock');
  });

  it('carries the texts people paste: macOS, musl (Alpine), Node.js and Chinese', () => {
    expect(byName.get('EAI_NONAME')?.searchTerms).toContain('nodename nor servname provided, or not known');
    expect(byName.get('EAI_NONAME')?.searchTerms).toContain('Name does not resolve');
    expect(byName.get('EAI_AGAIN')?.searchTerms).toContain('Try again');
    expect(byName.get('EAI_NONAME')?.messageZh?.text).toBe('未知的名称或服务');
    expect(byName.get('EAI_AGAIN')?.messageZh?.text).toBe('域名解析暂时失败');
    expect(byName.get('ENOTFOUND')?.searchTerms).toContain('getaddrinfo ENOTFOUND');
  });

  it("cites glibc's header and gai_strerror() list for every EAI_* code", () => {
    for (const e of resolver.filter((r) => r.messageFrom === 'glibc')) {
      expect(e.sources, e.name).toContain('glibc-netdb-h');
      expect(e.sources, e.name).toContain('glibc-gai-strerror');
    }
  });

  it('derives the ENOTFOUND table from the codes Node.js reports under that name', () => {
    const rows = Object.fromEntries(equivalentRows(byName.get('ENOTFOUND')!, all, platforms, libuvWindows).map((r) => [r.label, r.value]));
    expect(rows['Linux (glibc)']).toBe('EAI_NONAME (-2), EAI_NODATA (-5)');
    expect(rows['macOS']).toBe('EAI_NONAME (8), EAI_NODATA (7)');
    expect(rows['Windows (Winsock)']).toBe('WSAHOST_NOT_FOUND (11001)');
    expect(rows['Node.js err.code']).toBe('ENOTFOUND, errno -3008 or -3007');
  });
});
