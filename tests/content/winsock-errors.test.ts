// Data tests for content/errors/winsock.yaml (every code on Microsoft's "Windows Sockets
// Error Codes" page) and content/errors/windows.yaml (winerror.h codes libuv translates).
import { describe, it, expect, beforeAll } from 'vitest';
import { fileURLToPath } from 'node:url';
import { readContent } from '../../src/loaders/read-content.ts';
import type { ErrorRecord } from '../../src/schemas/index.ts';

type WinsockError = Extract<ErrorRecord, { platform: 'winsock' }>;
type WindowsError = Extract<ErrorRecord, { platform: 'windows' }>;

const root = fileURLToPath(new URL('../../', import.meta.url));

/**
 * The reference: every code on learn.microsoft.com/en-us/windows/win32/winsock/windows-sockets-error-codes-2,
 * name -> number, in the page's order.
 */
const WINSOCK: Record<string, number> = {
  WSA_INVALID_HANDLE: 6,
  WSA_NOT_ENOUGH_MEMORY: 8,
  WSA_INVALID_PARAMETER: 87,
  WSA_OPERATION_ABORTED: 995,
  WSA_IO_INCOMPLETE: 996,
  WSA_IO_PENDING: 997,
  WSAEINTR: 10004,
  WSAEBADF: 10009,
  WSAEACCES: 10013,
  WSAEFAULT: 10014,
  WSAEINVAL: 10022,
  WSAEMFILE: 10024,
  WSAEWOULDBLOCK: 10035,
  WSAEINPROGRESS: 10036,
  WSAEALREADY: 10037,
  WSAENOTSOCK: 10038,
  WSAEDESTADDRREQ: 10039,
  WSAEMSGSIZE: 10040,
  WSAEPROTOTYPE: 10041,
  WSAENOPROTOOPT: 10042,
  WSAEPROTONOSUPPORT: 10043,
  WSAESOCKTNOSUPPORT: 10044,
  WSAEOPNOTSUPP: 10045,
  WSAEPFNOSUPPORT: 10046,
  WSAEAFNOSUPPORT: 10047,
  WSAEADDRINUSE: 10048,
  WSAEADDRNOTAVAIL: 10049,
  WSAENETDOWN: 10050,
  WSAENETUNREACH: 10051,
  WSAENETRESET: 10052,
  WSAECONNABORTED: 10053,
  WSAECONNRESET: 10054,
  WSAENOBUFS: 10055,
  WSAEISCONN: 10056,
  WSAENOTCONN: 10057,
  WSAESHUTDOWN: 10058,
  WSAETOOMANYREFS: 10059,
  WSAETIMEDOUT: 10060,
  WSAECONNREFUSED: 10061,
  WSAELOOP: 10062,
  WSAENAMETOOLONG: 10063,
  WSAEHOSTDOWN: 10064,
  WSAEHOSTUNREACH: 10065,
  WSAENOTEMPTY: 10066,
  WSAEPROCLIM: 10067,
  WSAEUSERS: 10068,
  WSAEDQUOT: 10069,
  WSAESTALE: 10070,
  WSAEREMOTE: 10071,
  WSASYSNOTREADY: 10091,
  WSAVERNOTSUPPORTED: 10092,
  WSANOTINITIALISED: 10093,
  WSAEDISCON: 10101,
  WSAENOMORE: 10102,
  WSAECANCELLED: 10103,
  WSAEINVALIDPROCTABLE: 10104,
  WSAEINVALIDPROVIDER: 10105,
  WSAEPROVIDERFAILEDINIT: 10106,
  WSASYSCALLFAILURE: 10107,
  WSASERVICE_NOT_FOUND: 10108,
  WSATYPE_NOT_FOUND: 10109,
  WSA_E_NO_MORE: 10110,
  WSA_E_CANCELLED: 10111,
  WSAEREFUSED: 10112,
  WSAHOST_NOT_FOUND: 11001,
  WSATRY_AGAIN: 11002,
  WSANO_RECOVERY: 11003,
  WSANO_DATA: 11004,
  WSA_QOS_RECEIVERS: 11005,
  WSA_QOS_SENDERS: 11006,
  WSA_QOS_NO_SENDERS: 11007,
  WSA_QOS_NO_RECEIVERS: 11008,
  WSA_QOS_REQUEST_CONFIRMED: 11009,
  WSA_QOS_ADMISSION_FAILURE: 11010,
  WSA_QOS_POLICY_FAILURE: 11011,
  WSA_QOS_BAD_STYLE: 11012,
  WSA_QOS_BAD_OBJECT: 11013,
  WSA_QOS_TRAFFIC_CTRL_ERROR: 11014,
  WSA_QOS_GENERIC_ERROR: 11015,
  WSA_QOS_ESERVICETYPE: 11016,
  WSA_QOS_EFLOWSPEC: 11017,
  WSA_QOS_EPROVSPECBUF: 11018,
  WSA_QOS_EFILTERSTYLE: 11019,
  WSA_QOS_EFILTERTYPE: 11020,
  WSA_QOS_EFILTERCOUNT: 11021,
  WSA_QOS_EOBJLENGTH: 11022,
  WSA_QOS_EFLOWCOUNT: 11023,
  WSA_QOS_EUNKOWNPSOBJ: 11024,
  WSA_QOS_EPOLICYOBJ: 11025,
  WSA_QOS_EFLOWDESC: 11026,
  WSA_QOS_EPSFLOWSPEC: 11027,
  WSA_QOS_EPSFILTERSPEC: 11028,
  WSA_QOS_ESDMODEOBJ: 11029,
  WSA_QOS_ESHAPERATEOBJ: 11030,
  WSA_QOS_RESERVED_PETYPE: 11031,
};

/** Winsock name -> the Linux errno with the same meaning (a sample; WSAEPROCLIM has none). */
const POSIX: Record<string, string | undefined> = {
  WSAEINTR: 'EINTR',
  WSAEBADF: 'EBADF',
  WSAEACCES: 'EACCES',
  WSAEFAULT: 'EFAULT',
  WSAEINVAL: 'EINVAL',
  WSAEMFILE: 'EMFILE',
  WSAEWOULDBLOCK: 'EAGAIN',
  WSAEINPROGRESS: 'EINPROGRESS',
  WSAEADDRINUSE: 'EADDRINUSE',
  WSAECONNABORTED: 'ECONNABORTED',
  WSAECONNRESET: 'ECONNRESET',
  WSAETIMEDOUT: 'ETIMEDOUT',
  WSAECONNREFUSED: 'ECONNREFUSED',
  WSAEHOSTUNREACH: 'EHOSTUNREACH',
  WSAEHOSTDOWN: 'EHOSTDOWN',
  WSAEDQUOT: 'EDQUOT',
  WSAESTALE: 'ESTALE',
  WSAEREMOTE: 'EREMOTE',
  WSAEUSERS: 'EUSERS',
  WSAEPROCLIM: undefined,
};

/** winerror.h codes and the errno libuv's uv_translate_sys_error() gives them (undefined: no mapping). */
const WINDOWS: Record<string, [number, string | undefined]> = {
  ERROR_FILE_NOT_FOUND: [2, 'ENOENT'],
  ERROR_TOO_MANY_OPEN_FILES: [4, 'EMFILE'],
  ERROR_ACCESS_DENIED: [5, 'EPERM'],
  ERROR_NETNAME_DELETED: [64, 'ECONNRESET'],
  ERROR_BROKEN_PIPE: [109, undefined], // libuv: UV_EOF, not an errno
  ERROR_SEM_TIMEOUT: [121, 'ETIMEDOUT'],
  ERROR_PIPE_BUSY: [231, 'EBUSY'],
  ERROR_NO_DATA: [232, 'EPIPE'],
  ERROR_OPERATION_ABORTED: [995, 'ECANCELED'],
  ERROR_INVALID_NETNAME: [1214, undefined],
  ERROR_CONNECTION_REFUSED: [1225, 'ECONNREFUSED'],
  ERROR_ADDRESS_ALREADY_ASSOCIATED: [1227, 'EADDRINUSE'],
  ERROR_NETWORK_UNREACHABLE: [1231, 'ENETUNREACH'],
  ERROR_HOST_UNREACHABLE: [1232, 'EHOSTUNREACH'],
  ERROR_PORT_UNREACHABLE: [1234, undefined],
  ERROR_CONNECTION_ABORTED: [1236, 'ECONNABORTED'],
};

let winsock: WinsockError[] = [];
let windows: WindowsError[] = [];
let linuxNames = new Set<string>();
let winsockByName = new Map<string, WinsockError>();
let windowsByName = new Map<string, WindowsError>();

beforeAll(() => {
  const content = readContent(root);
  winsock = content.errors.filter((e): e is WinsockError => e.platform === 'winsock');
  windows = content.errors.filter((e): e is WindowsError => e.platform === 'windows');
  linuxNames = new Set(content.errors.filter((e) => e.platform === 'linux').map((e) => e.name));
  winsockByName = new Map(winsock.map((e) => [e.name, e]));
  windowsByName = new Map(windows.map((e) => [e.name, e]));
});

describe('content/errors/winsock.yaml', () => {
  it("has every code on Microsoft's list, with its number", () => {
    const missing = Object.keys(WINSOCK).filter((name) => !winsockByName.has(name));
    expect(missing).toEqual([]);
    const wrong = Object.entries(WINSOCK)
      .filter(([name, number]) => winsockByName.get(name)?.number !== number)
      .map(([name, number]) => `${name}: expected ${number}, got ${winsockByName.get(name)?.number}`);
    expect(wrong).toEqual([]);
  });

  it('has nothing that is not on the list', () => {
    expect(winsock.map((e) => e.name).filter((name) => !(name in WINSOCK))).toEqual([]);
  });

  it('gives every code a different number', () => {
    const numbers = winsock.map((e) => e.number);
    expect(new Set(numbers).size).toBe(numbers.length);
  });

  it("uses Microsoft's titles for the common connection errors", () => {
    expect(winsockByName.get('WSAECONNABORTED')?.message).toBe('Software caused connection abort.');
    expect(winsockByName.get('WSAECONNRESET')?.message).toBe('Connection reset by peer.');
    expect(winsockByName.get('WSAETIMEDOUT')?.message).toBe('Connection timed out.');
    expect(winsockByName.get('WSAECONNREFUSED')?.message).toBe('Connection refused.');
  });

  it('carries the FormatMessage texts people paste, in English and Chinese', () => {
    // What a pasted line can match: the search terms and the Chinese message (without its full stop).
    const terms = (name: string) => {
      const e = winsockByName.get(name);
      return [...(e?.searchTerms ?? []), ...(e?.messageZh ? [e.messageZh.text.replace(/。$/, '')] : [])];
    };
    expect(terms('WSAECONNRESET')).toContain('An existing connection was forcibly closed by the remote host');
    expect(terms('WSAECONNRESET')).toContain('远程主机强迫关闭了一个现有的连接');
    expect(terms('WSAECONNABORTED')).toContain('An established connection was aborted by the software in your host machine');
    expect(terms('WSAECONNABORTED')).toContain('你的主机中的软件中止了一个已建立的连接');
    expect(terms('WSAECONNREFUSED')).toContain('No connection could be made because the target machine actively refused it');
    expect(terms('WSAECONNREFUSED')).toContain('由于目标计算机积极拒绝，无法连接');
    expect(terms('WSAETIMEDOUT')).toContain(
      'A connection attempt failed because the connected party did not properly respond after a period of time, or established connection failed because connected host has failed to respond',
    );
    expect(terms('WSAEADDRINUSE')).toContain('Only one usage of each socket address (protocol/network address/port) is normally permitted');
    expect(terms('WSAEADDRINUSE')).toContain('通常每个套接字地址(协议/网络地址/端口)只允许使用一次');
    expect(terms('WSAEWOULDBLOCK')).toContain('A non-blocking socket operation could not be completed immediately');
    expect(terms('WSANOTINITIALISED')).toContain('Either the application has not called WSAStartup, or WSAStartup failed');
  });

  it('maps to the Linux errno with the same meaning', () => {
    for (const [name, posix] of Object.entries(POSIX)) expect(winsockByName.get(name)?.posix, name).toBe(posix);
  });

  it('names only Linux errors that exist in its posix mappings', () => {
    const unknown = winsock.filter((e) => e.posix && !linuxNames.has(e.posix)).map((e) => `${e.name} -> ${e.posix}`);
    expect(unknown).toEqual([]);
  });
});

describe('content/errors/windows.yaml', () => {
  it('has the socket-related system errors with their numbers and libuv mappings', () => {
    for (const [name, [number, posix]] of Object.entries(WINDOWS)) {
      const e = windowsByName.get(name);
      expect(e, name).toBeDefined();
      expect(e?.number, name).toBe(number);
      expect(e?.posix, name).toBe(posix);
    }
  });

  it('uses the winerror.h text for ERROR_NETNAME_DELETED', () => {
    const e = windowsByName.get('ERROR_NETNAME_DELETED');
    expect(e?.message).toBe('The specified network name is no longer available.');
    expect(e?.searchTerms).toContain('The specified network name is no longer available');
  });

  it('gives every code a different number', () => {
    const numbers = windows.map((e) => e.number);
    expect(new Set(numbers).size).toBe(numbers.length);
  });

  it('names only Linux errors that exist in its posix mappings', () => {
    const unknown = windows.filter((e) => e.posix && !linuxNames.has(e.posix)).map((e) => `${e.name} -> ${e.posix}`);
    expect(unknown).toEqual([]);
  });
});
