// Query normalisation and signal extraction for the instant search. Pure functions, no
// Node.js APIs: this module runs in the browser. Every regular expression here is linear
// (no nested quantifiers), and every input is truncated first, so hostile queries cannot hang.

/** Longest raw query looked at for signals (numbers, names, program hints). */
export const MAX_RAW = 2000;
/** Longest normalised query handed to the fuzzy matcher. */
export const MAX_QUERY = 256;

/** Where a number was found, which tells which table it belongs to. */
export type NumberKind =
  /** A bare number, or one after "error"/"code": every table. */
  | 'any'
  /** errno-style ("errno 104", "[Errno 104]", "(104: ...)" from nginx, "os error 104"): POSIX tables. */
  | 'posix'
  /** "[WinError N]" (Python on Windows): Winsock when >= 10000, else a Windows system error. */
  | 'windows'
  /** A negative errno ("errno: -4077", "-104"): libuv/Node.js. */
  | 'node';

export interface NumberSignal {
  value: number;
  kind: NumberKind;
  /** How the query wrote it when that was not plain decimal: "0x2746", "0x80072746", "-2147014842". */
  written?: string;
}

export type PlatformHint = 'linux' | 'windows' | 'darwin';

export interface QuerySignals {
  /** The query after normalisation (lower case), at most MAX_QUERY characters. */
  text: string;
  /** Error numbers found, strongest pattern first, no duplicates. */
  numbers: NumberSignal[];
  /** Word tokens (lower case) that may be error names, e.g. "econnreset", "wsaeconnreset". */
  words: string[];
  /** Which operating system the query seems to come from, if any. */
  platform?: PlatformHint;
  /** True when the whole query is one number (e.g. "54"): list it on every platform. */
  bareNumber: boolean;
  /** True when the query looks like a name-resolution failure, so its number is a getaddrinfo() code (`[Errno -2]`). */
  resolver: boolean;
}

// Control characters (including NUL) and Unicode line/paragraph separators become spaces.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g;

const TIMESTAMP_ISO = /\b\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?:[T ]\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,9})?(?:Z|[+-]\d{2}:?\d{2})?)?\b/gi;
const TIME = /\b\d{1,2}:\d{2}:\d{2}(?:[.,]\d{1,9})?\b/g;
const SYSLOG_DATE = /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]{0,6}\s{1,3}\d{1,2}\b/gi;
const URL_RE = /\b[a-z][a-z0-9+.-]{1,15}:\/\/[^\s"'<>]{0,500}/gi;
const IPV4 = /\b\d{1,3}(?:\.\d{1,3}){3}(?::\d{1,5})?\b/g;
// Two or more colon groups of hex digits (::1, fe80::1, 2001:db8::1), optionally [bracketed]:port.
const IPV6 = /\[?\b(?:[0-9a-f]{0,4}:){2,7}[0-9a-f]{0,4}\b\]?(?::\d{1,5})?/gi;
const HOST_PORT = /\b(?:localhost|[a-z0-9-]{1,63}(?:\.[a-z0-9-]{1,63}){1,10}):\d{1,5}\b/gi;
// A path starts a word: /var/log/x, ./x, ~/x, C:\x, \\server\share. "I/O" is left alone.
const PATH = /(?:^|(?<=[\s=:'"(]))(?:[a-z]:[\\/]|\\\\|~?\.{0,2}\/)[^\s"'<>()[\]]{0,500}/gi;
const HEX = /\b0x[0-9a-f]{1,32}\b/gi;
// nginx "1234#0: *5 " (pid#tid and connection number).
const NGINX_IDS = /\b\d{1,10}#\d{1,10}:?|\*\d{1,12}\b/g;
const QUOTES_BRACKETS = /["'`\u2018\u2019\u201c\u201d\u00ab\u00bb()[\]{}<>]/g;
const SPACES = /\s+/g;

/** Strips what varies between two copies of the same log line: times, addresses, paths, ids, quotes. */
export function normalizeQuery(raw: unknown): string {
  let q = typeof raw === 'string' ? raw : '';
  if (q.length > MAX_RAW) q = q.slice(0, MAX_RAW);
  q = q
    .replace(CONTROL, ' ')
    .replace(URL_RE, ' ')
    .replace(TIMESTAMP_ISO, ' ')
    .replace(TIME, ' ')
    .replace(SYSLOG_DATE, ' ')
    .replace(IPV4, ' ')
    .replace(IPV6, ' ')
    .replace(HOST_PORT, ' ')
    .replace(PATH, ' ')
    .replace(HEX, ' ')
    .replace(NGINX_IDS, ' ')
    .replace(QUOTES_BRACKETS, ' ')
    .replace(SPACES, ' ')
    .trim()
    .toLowerCase();
  if (q.length > MAX_QUERY) q = q.slice(0, MAX_QUERY).trim();
  return q;
}

// Number patterns, strongest first. Each is matched against the raw (truncated) query.
const NUMBER_PATTERNS: Array<[RegExp, NumberKind]> = [
  [/\[?\bwinerror\s{0,3}(\d{1,6})\]?/gi, 'windows'],
  [/\berrno\s{0,3}[=:]?\s{0,3}(-\d{1,6})\b/gi, 'node'],
  [/\[errno\s{0,3}(\d{1,6})\]/gi, 'posix'],
  [/\berrno\s{0,3}[=:#]?\s{0,3}(\d{1,6})\b/gi, 'posix'],
  [/\bos\s{1,3}error\s{1,3}(\d{1,6})\b/gi, 'posix'],
  // nginx and many C programs: "recv() failed (104: Connection reset by peer)".
  [/\((\d{1,6}):\s{0,3}[a-z]/gi, 'posix'],
  // "error 10053", "Error code : 10054", "socket error # 10054", "code=10054", "error: 10060".
  [/\b(?:error|err|code|wsa(?:getlasterror)?)\s{0,3}(?:code|no|number|num)?\s{0,3}[:=#]?\s{0,3}[:=#]?\s{0,3}(-?\d{1,6})\b/gi, 'any'],
  // .NET: "SocketException (10054): ...".
  [/exception\s{0,3}\((\d{1,6})\)/gi, 'any'],
];

// Words that only name-resolution failures use (Python's gaierror, the gai_strerror() texts of glibc, musl and macOS).
const RESOLVER =
  /gaierror|getaddrinfo|getnameinfo|name or service not known|name does not resolve|name resolution|nodename nor servname|hostname nor servname|no address associated with hostname|\beai_[a-z]/;

const BARE_NUMBER = /^[#([]?\s*(-?\d{1,6})\s*[)\]]?$/;

// Windows writes its codes in hex too: a Win32 or Winsock code as is (0x2746 = 10054, or the
// zero-padded 0x00002746 libpq prints), or wrapped in an HRESULT by HRESULT_FROM_WIN32
// (0x8007xxxx), which .NET prints as a signed 32-bit number (-2147014842 for 0x80072746).
const HEX_CODE = /\b0x(8007|0{0,4})([0-9a-f]{1,4})\b/gi;
const SIGNED_HRESULT = /(?<![\d.])-(21470\d{5})\b/g;
/** 0x80070000 as a signed 32-bit integer: the signed HRESULT of Win32 code c is this plus c. */
const HRESULT_WIN32_BASE = -2147024896;
/** The whole query is one hex code or one signed HRESULT. */
const BARE_WINDOWS = /^[#([]?\s*(?:0x[0-9a-f]{1,8}|-21470\d{5})\s*[)\]]?$/i;
const WORD = /[a-z_][a-z0-9_]{1,40}/gi;

/** Finds the error numbers, candidate names and platform hints in a query. Never throws. */
export function extractSignals(raw: unknown): QuerySignals {
  let q = typeof raw === 'string' ? raw : '';
  if (q.length > MAX_RAW) q = q.slice(0, MAX_RAW);
  q = q.replace(CONTROL, ' ');
  const text = normalizeQuery(q);
  const numbers: NumberSignal[] = [];
  const seen = new Set<string>();
  const add = (value: number, kind: NumberKind, written?: string) => {
    if (!Number.isSafeInteger(value) || value === 0) return;
    if (value < 0) kind = 'node';
    const key = String(value);
    if (seen.has(key)) return;
    seen.add(key);
    numbers.push(written ? { value, kind, written } : { value, kind });
  };

  const trimmed = q.trim();
  const bare = BARE_NUMBER.exec(trimmed);
  if (bare) add(Number(bare[1]), 'any');
  // Hex and HRESULT forms name a Windows code: 'windows' (Winsock when 10000 or more).
  for (const [re, value] of [
    [HEX_CODE, (m: RegExpMatchArray) => Number.parseInt(m[2], 16)],
    [SIGNED_HRESULT, (m: RegExpMatchArray) => -Number(m[1]) - HRESULT_WIN32_BASE],
  ] as const) {
    for (const m of [...q.matchAll(re)].slice(0, 20)) {
      const v = value(m);
      if (v > 0 && v <= 0xffff) add(v, 'windows', m[0]);
    }
  }
  for (const [re, kind] of NUMBER_PATTERNS) {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    let guard = 0;
    while ((m = re.exec(q)) !== null && guard++ < 50) add(Number(m[1]), kind);
  }

  const words = [...new Set((q.match(WORD) ?? []).slice(0, 200).map((w) => w.toLowerCase()))];

  let platform: PlatformHint | undefined;
  const lower = q.toLowerCase();
  if (/winerror|\bwsa[a-z]|windows|[a-z]:\\|forcibly closed|host machine|remote host|\.exe\b|socketexception \(\d/.test(lower))
    platform = 'windows';
  else if (/\bnginx\b|recv\(\) failed|\blinux\b|\/var\/log|\bsystemd\b|\bglibc\b|\[error\] \d/.test(lower)) platform = 'linux';
  else if (/\bmacos\b|\bdarwin\b|\bmac os\b|\bos x\b|\bfreebsd\b/.test(lower)) platform = 'darwin';

  const resolver = RESOLVER.test(lower);

  if (!platform && numbers.some((n) => n.written)) platform = 'windows';

  return { text, numbers: numbers.slice(0, 8), words, platform, bareNumber: bare !== null || BARE_WINDOWS.test(trimmed), resolver };
}

const CJK = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]/;
const TOKEN = /[\p{L}\p{N}_]+/gu;
const STOP = new Set(['a', 'an', 'the', 'to', 'of', 'in', 'on', 'at', 'is', 'it', 'be', 'or', 'and', 'for', 'with', 'was', 'by']);

/**
 * Splits text into search tokens: lower-case words of two characters or more (and numbers),
 * and, for Chinese/Japanese/Korean runs, which have no spaces, overlapping character pairs.
 */
export function tokenize(text: string, max = 64): string[] {
  const out: string[] = [];
  const lower = text.toLowerCase();
  if (!CJK.test(lower)) {
    // Fast path, most texts: plain words.
    for (const w of lower.match(TOKEN) ?? []) {
      if (w.length > 1 && !STOP.has(w)) out.push(w);
      if (out.length >= max) break;
    }
    return out;
  }
  TOKEN.lastIndex = 0;
  let m: RegExpExecArray | null;
  let guard = 0;
  while ((m = TOKEN.exec(lower)) !== null && out.length < max && guard++ < 4 * max) {
    const w = m[0];
    if (CJK.test(w)) {
      // Split mixed runs into CJK and non-CJK parts; CJK parts become bigrams.
      let latin = '';
      let run: string[] = [];
      const flushRun = () => {
        if (run.length === 1) out.push(run[0]);
        for (let i = 0; i + 1 < run.length; i++) out.push(run[i] + run[i + 1]);
        run = [];
      };
      for (const ch of w) {
        if (CJK.test(ch)) {
          if (latin.length > 1) out.push(latin);
          latin = '';
          run.push(ch);
        } else {
          flushRun();
          latin += ch;
        }
      }
      flushRun();
      if (latin.length > 1) out.push(latin);
    } else if (w.length > 1 && !STOP.has(w)) {
      out.push(w);
    }
  }
  return out.slice(0, max);
}
