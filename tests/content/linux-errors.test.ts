// Data tests for content/errors/linux.yaml: the full generic errno table, aliases,
// strerror() messages and the numbers on architectures that use their own table.
import { describe, it, expect, beforeAll } from 'vitest';
import { constants } from 'node:os';
import { fileURLToPath } from 'node:url';
import { readContent } from '../../src/loaders/read-content.ts';
import type { ErrorRecord } from '../../src/schemas/index.ts';

type LinuxError = Extract<ErrorRecord, { platform: 'linux' }>;

const root = fileURLToPath(new URL('../../', import.meta.url));

/** Numbers the generic table leaves unused (41 and 58 have no name). */
const UNUSED = new Set([41, 58]);

/** name -> the entry it is an alias of. */
const ALIASES: Record<string, string> = { EWOULDBLOCK: 'EAGAIN', EDEADLOCK: 'EDEADLK', ENOTSUP: 'EOPNOTSUPP' };

/** Socket errors whose numbers differ on alpha, mips, parisc and sparc. */
const NETWORK = [
  'ENOTSOCK',
  'EDESTADDRREQ',
  'EMSGSIZE',
  'EPROTOTYPE',
  'ENOPROTOOPT',
  'EPROTONOSUPPORT',
  'ESOCKTNOSUPPORT',
  'EOPNOTSUPP',
  'EPFNOSUPPORT',
  'EAFNOSUPPORT',
  'EADDRINUSE',
  'EADDRNOTAVAIL',
  'ENETDOWN',
  'ENETUNREACH',
  'ENETRESET',
  'ECONNABORTED',
  'ECONNRESET',
  'ENOBUFS',
  'EISCONN',
  'ENOTCONN',
  'ESHUTDOWN',
  'ETOOMANYREFS',
  'ETIMEDOUT',
  'ECONNREFUSED',
  'EHOSTDOWN',
  'EHOSTUNREACH',
  'EALREADY',
  'EINPROGRESS',
];

const ARCH_SOURCES = {
  alpha: 'linux-errno-alpha',
  mips: 'linux-errno-mips',
  parisc: 'linux-errno-parisc',
  sparc: 'linux-errno-sparc',
} as const;

let linux: LinuxError[] = [];
let byName = new Map<string, LinuxError>();
let sourceIds = new Set<string>();

beforeAll(() => {
  const content = readContent(root);
  linux = content.errors.filter((e): e is LinuxError => e.platform === 'linux');
  byName = new Map(linux.map((e) => [e.name, e]));
  sourceIds = new Set(Object.keys(content.sources));
});

describe('content/errors/linux.yaml', () => {
  it('has exactly one entry for every errno 1..133 except 41 and 58', () => {
    const counts = new Map<number, string[]>();
    for (const e of linux) counts.set(e.number, [...(counts.get(e.number) ?? []), e.name]);
    for (let n = 1; n <= 133; n++) {
      if (UNUSED.has(n)) expect(counts.get(n), `errno ${n} is unused`).toBeUndefined();
      else expect(counts.get(n), `errno ${n}`).toHaveLength(1);
    }
    expect(linux).toHaveLength(131);
    expect(linux.every((e) => e.number >= 1 && e.number <= 133)).toBe(true);
  });

  it('has unique names, never reused as aliases', () => {
    const names = linux.map((e) => e.name);
    expect(new Set(names).size).toBe(names.length);
    const aliases = linux.flatMap((e) => e.aliases);
    expect(new Set(aliases).size).toBe(aliases.length);
    for (const a of aliases) expect(byName.has(a), `${a} is an alias and must not be an entry`).toBe(false);
  });

  it('lists EWOULDBLOCK, EDEADLOCK and ENOTSUP as aliases of the right entries', () => {
    for (const [alias, main] of Object.entries(ALIASES)) {
      expect(byName.has(alias), `${alias} must not be an entry`).toBe(false);
      expect(byName.get(main)?.aliases, `${main}.aliases`).toContain(alias);
      const holders = linux.filter((e) => e.aliases.includes(alias)).map((e) => e.name);
      expect(holders).toEqual([main]);
    }
    expect(linux.flatMap((e) => e.aliases).sort()).toEqual(Object.keys(ALIASES).sort());
  });

  it.runIf(process.platform === 'linux')('matches the numbers Node reports on this Linux machine', () => {
    const known = constants.errno as Record<string, number>;
    let checked = 0;
    for (const e of linux) {
      for (const name of [e.name, ...e.aliases]) {
        if (known[name] === undefined) continue;
        expect(known[name], `os.constants.errno.${name}`).toBe(e.number);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(70);
  });

  it.each([
    ['ECONNRESET', 'Connection reset by peer'],
    ['EPIPE', 'Broken pipe'],
    ['ENOENT', 'No such file or directory'],
    ['EAGAIN', 'Resource temporarily unavailable'],
    ['ETIMEDOUT', 'Connection timed out'],
    ['EADDRINUSE', 'Address already in use'],
    ['ECONNREFUSED', 'Connection refused'],
    ['EHOSTUNREACH', 'No route to host'],
    ['EACCES', 'Permission denied'],
    ['EMFILE', 'Too many open files'],
    ['EDQUOT', 'Disk quota exceeded'],
  ])('%s has the glibc strerror() message "%s"', (name, message) => {
    expect(byName.get(name)?.message).toBe(message);
  });

  it('gives every network errno (and EAGAIN) its numbers on the other architectures', () => {
    for (const name of NETWORK) {
      const arch = byName.get(name)?.archNumbers;
      expect(arch?.mips, `${name}.archNumbers.mips`).toBeTypeOf('number');
      expect(arch?.parisc, `${name}.archNumbers.parisc`).toBeTypeOf('number');
    }
    expect(byName.get('EAGAIN')?.archNumbers).toEqual({ alpha: 35 });
    expect(byName.get('ECONNRESET')?.archNumbers).toEqual({ alpha: 54, mips: 131, parisc: 232, sparc: 54 });
  });

  it('lists only architectures whose number differs, and cites their headers', () => {
    for (const e of linux) {
      for (const [arch, n] of Object.entries(e.archNumbers ?? {})) {
        expect(n, `${e.name}.archNumbers.${arch}`).not.toBe(e.number);
        expect(e.sources, `${e.name}.sources`).toContain(ARCH_SOURCES[arch as keyof typeof ARCH_SOURCES]);
      }
    }
  });

  it('cites the generic headers and glibc, with source ids that exist', () => {
    for (const e of linux) {
      expect(e.sources, e.name).toContain(e.number <= 34 ? 'linux-errno-base' : 'linux-errno');
      expect(e.sources, e.name).toContain('glibc-errlist');
      for (const id of e.sources) expect(sourceIds.has(id), `${e.name} cites unknown source ${id}`).toBe(true);
    }
  });

  it('has search terms for the common errors', () => {
    expect(byName.get('EPIPE')?.searchTerms).toContain('管道破裂');
    expect(byName.get('ENOENT')?.messageZh?.text).toBe('没有那个文件或目录');
    expect(byName.get('EACCES')?.messageZh?.text).toBe('权限不够');
    expect(byName.get('EMFILE')?.messageZh?.text).toBe('打开的文件过多');
    expect(byName.get('EADDRNOTAVAIL')?.searchTerms).toContain('端口耗尽');
  });
});
