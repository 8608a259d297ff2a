// Data checks for content/errors/platforms.yaml and content/messages/*.yaml.
import { describe, it, expect } from 'vitest';
import { fileURLToPath } from 'node:url';
import { constants } from 'node:os';
import { getSystemErrorMap } from 'node:util';
import { readContent } from '../../src/loaders/read-content.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const content = readContent(root);
const { platforms, messages, errors } = content;

const linux = new Map(errors.filter((e) => e.platform === 'linux').map((e) => [e.name, e]));
const winsock = errors.filter((e) => e.platform === 'winsock');
const winsockByNumber = new Map(winsock.map((e) => [e.number, e]));

/** Problems in `rows` against Node's own table: every Linux errno Node names needs a row with Node's code and number. */
function nodeRowProblems(
  rows: Record<string, { node?: { code: string; uvLinux?: number } }>,
  systemErrors: ReadonlyMap<number, [string, string]>,
  osErrno: Record<string, number>,
): string[] {
  const byName = new Map([...linux.values()].flatMap((e) => [e.name, ...(e.platform === 'linux' ? e.aliases : [])].map((n) => [n, e])));
  const problems: string[] = [];
  for (const [uv, [code]] of systemErrors) {
    const error = byName.get(code);
    if (!error) continue; // EAI_*, EOF, UNKNOWN and other libuv-only codes
    const node = rows[error.name]?.node;
    if (!node) problems.push(`${error.name}: no row with a Node code (Node reports ${code}, ${uv})`);
    else if (node.code !== code || node.uvLinux !== uv || uv !== -error.number)
      problems.push(`${error.name}: row says ${node.code} ${node.uvLinux}, Node reports ${code} ${uv}, linux.yaml ${error.number}`);
    if (code in osErrno && osErrno[code] !== error.number)
      problems.push(`${code}: os.constants.errno says ${osErrno[code]}, linux.yaml ${error.number}`);
  }
  return problems;
}

describe('platforms.yaml', () => {
  it('spot-checks known values', () => {
    expect(platforms.ECONNRESET).toMatchObject({
      darwin: 54,
      freebsd: 54,
      winsock: 'WSAECONNRESET',
      node: { code: 'ECONNRESET', uvLinux: -104, uvWindows: -4077 },
      python: 'ConnectionResetError',
    });
    expect(content.errors.find((e) => e.name === 'ERROR_NETNAME_DELETED')).toMatchObject({ platform: 'windows', posix: 'ECONNRESET' });
    expect(platforms.EPIPE.darwin).toBe(32);
    expect(platforms.EPIPE.node?.uvWindows).toBe(-4047);
    expect(platforms.ECONNREFUSED.darwin).toBe(61);
    expect(platforms.ECONNREFUSED.node?.uvWindows).toBe(-4078);
    expect(platforms.ETIMEDOUT.darwin).toBe(60);
    expect(platforms.ETIMEDOUT.node?.uvWindows).toBe(-4039);
    expect(platforms.EADDRINUSE.darwin).toBe(48);
    expect(platforms.EADDRINUSE.node?.uvWindows).toBe(-4091);
    expect(platforms.EAGAIN.darwin).toBe(35);
    expect(platforms.EAGAIN.node?.uvWindows).toBe(-4088);
    expect(platforms.ECANCELED).toMatchObject({ darwin: 89, freebsd: 85 });
    expect(platforms.EOPNOTSUPP).toMatchObject({ darwin: 102, freebsd: 45 });
  });

  it('covers every network and descriptor errno the site explains', () => {
    const required =
      'EINTR EBADF EAGAIN EACCES EFAULT EINVAL ENFILE EMFILE EPIPE ENOENT EEXIST ENOSPC ENOTDIR EISDIR ENAMETOOLONG ENOTEMPTY ELOOP ECANCELED ENOTSOCK EDESTADDRREQ EMSGSIZE EPROTOTYPE ENOPROTOOPT EPROTONOSUPPORT ESOCKTNOSUPPORT EOPNOTSUPP EPFNOSUPPORT EAFNOSUPPORT EADDRINUSE EADDRNOTAVAIL ENETDOWN ENETUNREACH ENETRESET ECONNABORTED ECONNRESET ENOBUFS EISCONN ENOTCONN ESHUTDOWN ETOOMANYREFS ETIMEDOUT ECONNREFUSED EHOSTDOWN EHOSTUNREACH EALREADY EINPROGRESS'.split(
        ' ',
      );
    expect(required.filter((name) => !(name in platforms))).toEqual([]);
  });

  it("gives every Linux errno in the running Node's util.getSystemErrorMap() a row with Node's code and number", () => {
    const systemErrors = getSystemErrorMap();
    expect(systemErrors.size).toBeGreaterThan(70);
    expect(nodeRowProblems(platforms, systemErrors, constants.errno as Record<string, number>)).toEqual([]);
  });

  it('fails the Node check for a missing or wrong row', () => {
    const { EPERM: _removed, ...withoutEperm } = platforms;
    const wrong = { ...platforms, EBUSY: { ...platforms.EBUSY, node: { code: 'EBUSY', uvLinux: -61 } } };
    const systemErrors = getSystemErrorMap();
    expect(nodeRowProblems(withoutEperm, systemErrors, constants.errno as Record<string, number>)).toEqual([
      'EPERM: no row with a Node code (Node reports EPERM, -1)',
    ]);
    expect(nodeRowProblems(wrong, systemErrors, constants.errno as Record<string, number>)).toEqual([
      'EBUSY: row says EBUSY -61, Node reports EBUSY -16, linux.yaml 16',
    ]);
    expect(nodeRowProblems(platforms, systemErrors, { ...constants.errno, EIO: 6 })).toEqual([
      'EIO: os.constants.errno says 6, linux.yaml 5',
    ]);
  });

  it('gives every Linux errno that Python maps to an OSError subclass a row naming that class', () => {
    // Python's Objects/exceptions.c errno table (docs: Built-in Exceptions, OS exceptions).
    const pythonClasses: Record<string, string> = {
      EPERM: 'PermissionError',
      EACCES: 'PermissionError',
      ENOENT: 'FileNotFoundError',
      ESRCH: 'ProcessLookupError',
      EINTR: 'InterruptedError',
      ECHILD: 'ChildProcessError',
      EAGAIN: 'BlockingIOError',
      EALREADY: 'BlockingIOError',
      EINPROGRESS: 'BlockingIOError',
      EEXIST: 'FileExistsError',
      ENOTDIR: 'NotADirectoryError',
      EISDIR: 'IsADirectoryError',
      EPIPE: 'BrokenPipeError',
      ESHUTDOWN: 'BrokenPipeError',
      ECONNABORTED: 'ConnectionAbortedError',
      ECONNRESET: 'ConnectionResetError',
      ECONNREFUSED: 'ConnectionRefusedError',
      ETIMEDOUT: 'TimeoutError',
    };
    for (const [name, cls] of Object.entries(pythonClasses)) expect(platforms[name]?.python, name).toMatch(new RegExp(`^${cls}\\b`));
  });

  it("gives every Linux errno Go's syscall package names a row", () => {
    // src/syscall/zerrors_linux_amd64.go names every generic Linux errno up to ERFKILL (132); its table
    // is frozen without EHWPOISON (133), for which Node and Python have no name or class either.
    const withoutRow = [...linux.keys()].filter((name) => !(name in platforms));
    expect(withoutRow).toEqual(['EHWPOISON']);
  });

  it("names the io::ErrorKind Rust's decode_error_kind() gives each errno, and no kind for the rest", () => {
    // library/std/src/sys/io/error/unix.rs (same on Rust 1.95 stable and 1.97 nightly on Linux).
    const kinds: Record<string, string> = {
      E2BIG: 'ArgumentListTooLong',
      EADDRINUSE: 'AddrInUse',
      EADDRNOTAVAIL: 'AddrNotAvailable',
      EBUSY: 'ResourceBusy',
      ECONNABORTED: 'ConnectionAborted',
      ECONNREFUSED: 'ConnectionRefused',
      ECONNRESET: 'ConnectionReset',
      EDEADLK: 'Deadlock',
      EDQUOT: 'QuotaExceeded',
      EEXIST: 'AlreadyExists',
      EFBIG: 'FileTooLarge',
      EHOSTUNREACH: 'HostUnreachable',
      EINTR: 'Interrupted',
      EINVAL: 'InvalidInput',
      EISDIR: 'IsADirectory',
      ELOOP: 'FilesystemLoop',
      ENOENT: 'NotFound',
      ENOMEM: 'OutOfMemory',
      ENOSPC: 'StorageFull',
      ENOSYS: 'Unsupported',
      EMLINK: 'TooManyLinks',
      ENAMETOOLONG: 'InvalidFilename',
      ENETDOWN: 'NetworkDown',
      ENETUNREACH: 'NetworkUnreachable',
      ENOTCONN: 'NotConnected',
      ENOTDIR: 'NotADirectory',
      ENOTEMPTY: 'DirectoryNotEmpty',
      EPIPE: 'BrokenPipe',
      EROFS: 'ReadOnlyFilesystem',
      ESPIPE: 'NotSeekable',
      ESTALE: 'StaleNetworkFileHandle',
      ETIMEDOUT: 'TimedOut',
      ETXTBSY: 'ExecutableFileBusy',
      EXDEV: 'CrossesDevices',
      EINPROGRESS: 'InProgress',
      EOPNOTSUPP: 'Unsupported',
      EACCES: 'PermissionDenied',
      EPERM: 'PermissionDenied',
      EAGAIN: 'WouldBlock',
    };
    for (const [name, eq] of Object.entries(platforms)) {
      const kind = kinds[name];
      if (kind) expect(eq.rust, name).toMatch(new RegExp(`^io::ErrorKind::${kind}\\b`));
      else
        // A row may name the std version its kind() was checked on (issue 11, item 9).
        expect(eq.rust, name).toMatch(
          new RegExp(
            `^no ErrorKind of its own \\(kind\\(\\) is Uncategorized( on Rust [\\d.]+, run here)?\\): match e\\.raw_os_error\\(\\) == Some\\(${linux.get(name)!.number}\\) on Linux$`,
          ),
        );
    }
  });

  it('is keyed by Linux errno names only', () => {
    expect(Object.keys(platforms).filter((name) => !linux.has(name))).toEqual([]);
  });

  it('gives uvLinux as the negated Linux number', () => {
    for (const [name, eq] of Object.entries(platforms)) {
      if (eq.node?.uvLinux === undefined) continue;
      expect(eq.node.uvLinux, name).toBe(-linux.get(name)!.number);
    }
  });

  it("gives a Windows libuv value in libuv's fixed range", () => {
    for (const [name, eq] of Object.entries(platforms)) {
      const v = eq.node?.uvWindows;
      if (v === undefined) continue;
      expect(v, name).toBeLessThanOrEqual(-4000);
      expect(v, name).toBeGreaterThan(-4100);
    }
  });

  it('names a Winsock error whose POSIX equivalent is this errno, when the Winsock file says so', () => {
    for (const [name, eq] of Object.entries(platforms)) {
      if (!eq.winsock) continue;
      const w = winsock.find((e) => e.name === eq.winsock);
      expect(w, `${name}.winsock`).toBeDefined();
      if (w && w.platform === 'winsock' && w.posix) expect(w.posix, `${name}.winsock ${eq.winsock}`).toBe(name);
    }
  });
});

describe('messages', () => {
  it('holds at least 70 log lines', () => {
    expect(messages.length).toBeGreaterThanOrEqual(70);
  });

  it('has no duplicate lines', () => {
    const seen = new Set<string>();
    const dupes = messages.filter((m) => (seen.has(m.text) ? true : (seen.add(m.text), false)));
    expect(dupes.map((m) => m.text)).toEqual([]);
  });

  it('maps every nginx "(104: ..." line to ECONNRESET', () => {
    const lines = messages.filter((m) => m.program === 'nginx' && m.text.includes('(104:'));
    expect(lines.length).toBeGreaterThan(0);
    for (const m of lines) expect(m.error, m.text).toBe('ECONNRESET');
  });

  it('maps every Winsock number quoted in a line to that Winsock error or its POSIX equivalent', () => {
    // The places programs print a Winsock code: [WinError N], "Error code : N", "(N)" / "(OS N)",
    // "[N]" (LoadRunner), "(N: message)" (nginx), "0x.../N)" (libpq), "Error N connecting" (redis-py).
    const patterns = [
      /\[WinError (\d+)\]/g,
      /Error code ?: ?(\d+)/g,
      // (curl prints its own exit code the same way, "curl: (6) Could not resolve host", which is no Winsock code)
      /(?<!curl: )\((?:OS )?(\d+)\)/g,
      /\[(\d+)\]/g,
      /\((\d+): /g,
      /0x[0-9A-Fa-f]+\/(\d+)\)/g,
      /Error (\d+) connecting/g,
    ];
    let checked = 0;
    for (const m of messages) {
      for (const re of patterns) {
        for (const match of m.text.matchAll(re)) {
          const w = winsockByNumber.get(Number(match[1]));
          if (!w) continue;
          checked++;
          // WSA_OPERATION_ABORTED and its kin are the Windows system errors of the same number.
          const sameWindowsError = errors.filter((e) => e.platform === 'windows' && e.number === w.number).map((e) => e.name);
          const allowed = [w.name, w.platform === 'winsock' ? w.posix : undefined, ...sameWindowsError].filter(Boolean);
          expect(allowed, `${m.file}#${m.index}: ${m.text}`).toContain(m.error);
        }
      }
    }
    expect(checked).toBeGreaterThan(10);
  });

  it('uses only documentation or loopback IPv4 addresses', () => {
    const ok = /^(127\.|192\.0\.2\.|198\.51\.100\.|203\.0\.113\.|0\.0\.0\.0$)/;
    for (const m of messages) {
      for (const [ip] of m.text.matchAll(/\b\d{1,3}(?:\.\d{1,3}){3}\b/g)) expect(ip, m.text).toMatch(ok);
    }
  });

  it('marks Windows-only wording as windows', () => {
    for (const m of messages) {
      if (/\[WinError \d+\]|forcibly closed by the remote host|actively refused it/.test(m.text))
        expect(m.platform, m.text).toBe('windows');
    }
  });
});
