// The compact search index served at /api/search-index.json, built from the errors API
// (buildErrorsApi) so that what search finds is what the API says. Pure: runs at build time
// and its types are used in the browser.
import type { ErrorApiEntry } from '../api.ts';

export type PlatformCode = 'l' | 's' | 'w' | 'r';
export const platformCodes: Record<ErrorApiEntry['platform'], PlatformCode> = { linux: 'l', winsock: 's', windows: 'w', resolver: 'r' };
export const platformNames: Record<PlatformCode, ErrorApiEntry['platform']> = { l: 'linux', s: 'winsock', w: 'windows', r: 'resolver' };

/** One error, with short keys; optional fields are left out when empty. */
export interface IndexError {
  /** Platform: l = Linux errno, s = Winsock, w = Windows system error, r = resolver (getaddrinfo) error. */
  p: PlatformCode;
  /** Name, e.g. ECONNRESET. */
  n: string;
  /** Number on its own platform. */
  c: number;
  /** Message the platform prints. */
  m: string;
  /** Meaning, possibly shortened. */
  d?: string;
  /** Aliases, searchTerms, and the Python exception class: words people search with. */
  t?: string[];
  /** Real log lines that report this error. */
  g?: string[];
  /** Numbers elsewhere (Linux and resolver entries): darwin, freebsd, libuv on Linux, libuv on Windows. */
  x?: { d?: number; f?: number; ul?: number; uw?: number };
  /** Address, only when it differs from /<platform>/<name lower case>/. */
  u?: string;
}

export interface IndexScenario {
  /** Slug: the page is /scenarios/<slug>/. */
  s: string;
  /** Title. */
  h: string;
  /** Summary, possibly shortened. */
  d?: string;
  /** searchTerms. */
  t?: string[];
}

export interface SearchIndex {
  v: 1;
  e: IndexError[];
  s: IndexScenario[];
}

export interface ScenarioIndexInput {
  slug: string;
  title: string;
  summary: string;
  url: string;
  searchTerms: string[];
}

/** The address of an error page, as the index stores it (see IndexError.u). */
export const indexErrorUrl = (e: IndexError): string => e.u ?? `/${platformNames[e.p]}/${e.n.toLowerCase()}/`;
export const indexScenarioUrl = (s: IndexScenario): string => `/scenarios/${s.s}/`;

/** Cuts `text` at a word boundary near `max` characters. */
export function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, '')}…`;
}

export interface BuildOptions {
  /** Longest meaning kept (characters). */
  meaningMax?: number;
  /** Longest scenario summary kept. */
  summaryMax?: number;
  /** Longest log line kept. */
  logMax?: number;
}

/** Builds the compact index from the errors API and the scenarios. */
export function buildSearchIndex(errors: ErrorApiEntry[], scenarios: ScenarioIndexInput[], options: BuildOptions = {}): SearchIndex {
  const { meaningMax = 100, summaryMax = 90, logMax = 160 } = options;
  const e = errors.map((err): IndexError => {
    const entry: IndexError = { p: platformCodes[err.platform], n: err.name, c: err.number, m: err.message };
    if (err.meaning) entry.d = shorten(err.meaning, meaningMax);
    const terms = [...err.aliases, ...err.searchTerms, ...(err.messageZh ? [err.messageZh.text] : [])];
    // The exception class a Python row starts with ("PermissionError (the same class as for EACCES: ...)").
    const python = err.platform === 'linux' ? /^([A-Za-z]+Error)\b/.exec(err.equivalents.python ?? '')?.[1] : undefined;
    if (python && python !== 'OSError') terms.push(python);
    const uniqueTerms = [...new Set(terms)];
    if (uniqueTerms.length) entry.t = uniqueTerms;
    const logs = [...new Set(err.messages.map((m) => shorten(m.text, logMax)))];
    if (logs.length) entry.g = logs;
    if (err.platform === 'linux' || err.platform === 'resolver') {
      const q = err.equivalents;
      const x: NonNullable<IndexError['x']> = {};
      if (q.darwin !== undefined) x.d = q.darwin;
      if (q.freebsd !== undefined) x.f = q.freebsd;
      if (q.node?.uvLinux !== undefined) x.ul = q.node.uvLinux;
      if (q.node?.uvWindows !== undefined) x.uw = q.node.uvWindows;
      if (Object.keys(x).length) entry.x = x;
    }
    if (indexErrorUrl(entry) !== err.url) entry.u = err.url;
    return entry;
  });
  const s = scenarios.map((sc): IndexScenario => {
    const entry: IndexScenario = { s: sc.slug, h: sc.title };
    if (sc.summary) entry.d = shorten(sc.summary, summaryMax);
    if (sc.searchTerms.length) entry.t = [...new Set(sc.searchTerms)];
    if (indexScenarioUrl(entry) !== sc.url)
      throw new Error(`search index: scenario ${sc.slug} has address ${sc.url}, expected ${indexScenarioUrl(entry)}`);
    return entry;
  });
  return { v: 1, e, s };
}
