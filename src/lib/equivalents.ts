// Builds the cross-platform table shown on every error page and on /compare/.
import type { ErrorRecord, Equivalents, LibuvWindows } from '../schemas/index.ts';
import { errorUrl } from './urls.ts';

export interface EquivalentRow {
  /** Platform or language, e.g. "macOS / BSD", "Python". */
  label: string;
  /** What that platform reports; undefined when it has no equivalent. */
  value?: string;
  href?: string;
}

/** The Linux errno an error corresponds to: itself, or a Winsock/Windows error's POSIX mapping. */
export function linuxCounterpart(error: ErrorRecord, byName: ReadonlyMap<string, ErrorRecord>): ErrorRecord | undefined {
  if (error.platform === 'linux') return error;
  if (error.platform === 'resolver') return undefined;
  const posix = error.posix ? byName.get(error.posix) : undefined;
  return posix?.platform === 'linux' ? posix : undefined;
}

/** Windows system errors that libuv (and so Node.js) reports as the errno `linuxName`. */
export function windowsErrorsFor(linuxName: string, byName: ReadonlyMap<string, ErrorRecord>): ErrorRecord[] {
  return [...byName.values()].filter((e) => e.platform === 'windows' && e.posix === linuxName);
}

type ResolverError = Extract<ErrorRecord, { platform: 'resolver' }>;

/**
 * The getaddrinfo() codes a resolver record stands for: an EAI_* code itself, or, for
 * ENOTFOUND (a Node.js code), every EAI_* code that Node.js reports under that name.
 */
export function resolverCodes(error: ResolverError, byName: ReadonlyMap<string, ErrorRecord>): ResolverError[] {
  if (error.messageFrom !== 'node') return [error];
  return [...byName.values()].filter(
    (e): e is ResolverError => e.platform === 'resolver' && e.node === error.name && e.name !== error.name,
  );
}

/** The table for a resolver error: the getaddrinfo() code on each OS, and what Node.js and Python report. */
/** The words of the table around the names and numbers, in the page's language (src/i18n/ui.ts). */
export interface EquivalentWords {
  windowsErrors: string;
  onLinux: (n: string) => string;
  onWindows: (n: string) => string;
  onOperation: (code: string, operation: string) => string;
  noTranslation: string;
  failedCallErrno: string;
  pythonOsError: string;
  pythonGaierror: (numbers: string) => string;
  or: string;
}

export const englishWords: EquivalentWords = {
  windowsErrors: 'Windows system errors',
  onLinux: (n) => `, errno ${n} on Linux`,
  onWindows: (n) => `, ${n} on Windows`,
  onOperation: (code, operation) => `${code} on a ${operation}`,
  noTranslation: ' (libuv has no translation for it)',
  failedCallErrno: 'the errno of the failed system call (for example EMFILE)',
  pythonOsError: 'OSError with the errno of the failed system call',
  pythonGaierror: (numbers) => `socket.gaierror ${numbers} on Linux`,
  or: ' or ',
};

function resolverRows(error: ResolverError, byName: ReadonlyMap<string, ErrorRecord>, words: EquivalentWords): EquivalentRow[] {
  // Closest to zero first: for ENOTFOUND, EAI_NONAME (-2) before EAI_NODATA (-5).
  const codes = resolverCodes(error, byName).sort((a, b) => b.number - a.number);
  const link = (e: ErrorRecord | undefined) => (e && e.name !== error.name ? errorUrl(e.platform, e.name) : undefined);
  const list = (values: Array<string | undefined>, separator = ', ') => {
    const unique = [...new Set(values.filter((v): v is string => v !== undefined))];
    return unique.length ? unique.join(separator) : undefined;
  };
  const winsock = [...new Set(codes.map((c) => c.winsock))].map((w) => (w ? byName.get(w) : undefined));
  const nodeCodes = list(codes.map((c) => (c.node === 'errno' ? words.failedCallErrno : c.node)));
  const uvNumbers = list(
    codes.map((c) => (c.uv !== undefined ? `${c.uv}` : undefined)),
    words.or,
  );
  return [
    {
      label: 'Linux (glibc)',
      value: list(codes.map((c) => `${c.name} (${c.number})`)),
      href: codes.length === 1 ? link(codes[0]) : undefined,
    },
    { label: 'macOS', value: list(codes.map((c) => (c.darwin !== undefined ? `${c.name} (${c.darwin})` : undefined))) },
    {
      label: 'Windows (Winsock)',
      value: list(winsock.map((w) => (w ? `${w.name} (${w.number})` : undefined))),
      href: winsock.length === 1 ? link(winsock[0]) : undefined,
    },
    {
      label: 'Node.js err.code',
      value: nodeCodes && `${nodeCodes}${uvNumbers ? `, errno ${uvNumbers}` : ''}`,
      href: codes.length === 1 && codes[0].node !== 'errno' ? link(codes[0].node ? byName.get(codes[0].node) : undefined) : undefined,
    },
    {
      label: 'Python',
      // CPython raises OSError from errno for EAI_SYSTEM instead of socket.gaierror.
      value: codes.every((c) => c.node === 'errno')
        ? words.pythonOsError
        : words.pythonGaierror(codes.map((c) => `[Errno ${c.number}]`).join(words.or)),
    },
  ];
}

/** What Node.js reports on Windows for a Windows or Winsock error: libuv's mapping, never the POSIX twin. */
export interface WindowsNodeCode {
  /** err.code: libuv's translation of the error, or UNKNOWN where its table has none. */
  code: string;
  /** Calls for which libuv reports another code (e.g. ECONNRESET for WSAECONNABORTED on a TCP read). */
  operations: Array<{ operation: string; code: string }>;
}

/** err.code of Node.js on Windows for the Windows or Winsock error `name`, from libuv's uv_translate_sys_error(). */
export function windowsNodeCode(name: string, libuv: LibuvWindows): WindowsNodeCode {
  const key = libuv.sameAs[name] ?? name;
  return {
    code: libuv.map[key] ?? 'UNKNOWN',
    operations: libuv.operations.filter((o) => o.error === name || o.error === key).map(({ operation, code }) => ({ operation, code })),
  };
}

/** The Node.js row of a Windows or Winsock error page, e.g. "ECONNABORTED (ECONNRESET on a TCP read)". */
export function windowsNodeRow(
  name: string,
  libuv: LibuvWindows,
  platforms: Readonly<Record<string, Equivalents>>,
  words: EquivalentWords = englishWords,
): string {
  const { code, operations } = windowsNodeCode(name, libuv);
  const uv = platforms[code]?.node?.uvWindows;
  const number = code === 'UNKNOWN' ? words.noTranslation : uv !== undefined ? words.onWindows(String(uv)) : '';
  const others = operations.map((o) => words.onOperation(o.code, o.operation)).join('; ');
  return `${code}${number}${others ? `; ${others}` : ''}`;
}

/** Rows of the "same error across platforms" table; rows without a value read "no equivalent". */
export function equivalentRows(
  error: ErrorRecord,
  byName: ReadonlyMap<string, ErrorRecord>,
  platforms: Readonly<Record<string, Equivalents>>,
  libuv: LibuvWindows,
  words: EquivalentWords = englishWords,
): EquivalentRow[] {
  if (error.platform === 'resolver') return resolverRows(error, byName, words);
  const linux = linuxCounterpart(error, byName);
  const eq = linux ? platforms[linux.name] : undefined;
  const winsockName = error.platform === 'winsock' ? error.name : eq?.winsock;
  const winsock = winsockName ? byName.get(winsockName) : undefined;
  const windows = linux ? windowsErrorsFor(linux.name, byName) : [];
  if (error.platform === 'windows' && !windows.some((w) => w.name === error.name)) windows.unshift(error);
  const link = (e: ErrorRecord | undefined) => (e ? errorUrl(e.platform, e.name) : undefined);
  return [
    { label: 'Linux', value: linux ? `${linux.name} (${linux.number})` : undefined, href: link(linux) },
    { label: 'macOS', value: eq?.darwin !== undefined ? `${linux?.name} (${eq.darwin})` : undefined },
    { label: 'FreeBSD', value: eq?.freebsd !== undefined ? `${linux?.name} (${eq.freebsd})` : undefined },
    { label: 'Winsock', value: winsock ? `${winsock.name} (${winsock.number})` : undefined, href: link(winsock) },
    {
      label: words.windowsErrors,
      value: windows.length ? windows.map((w) => `${w.name} (${w.number})`).join(', ') : undefined,
      href: windows.length === 1 ? link(windows[0]) : undefined,
    },
    {
      label: 'Node.js err.code',
      // On a Windows or Winsock page the code comes from libuv's Windows table, not the POSIX twin.
      value:
        error.platform !== 'linux'
          ? windowsNodeRow(error.name, libuv, platforms, words)
          : eq?.node
            ? `${eq.node.code}${eq.node.uvLinux !== undefined ? words.onLinux(String(eq.node.uvLinux)) : ''}${eq.node.uvWindows !== undefined ? words.onWindows(String(eq.node.uvWindows)) : ''}`
            : undefined,
    },
    { label: 'Python', value: eq?.python },
    { label: 'Java', value: eq?.java },
    { label: 'Go', value: eq?.go },
    { label: 'Rust', value: eq?.rust },
    { label: '.NET', value: eq?.dotnet },
  ];
}
