// Builds the machine-readable API (dist/api/*.json). errors.json is also the one source the
// search index is built from, so what a search finds is what the API says.
import type {
  ErrorRecord,
  Equivalents,
  Message,
  ScenarioData,
  Verification,
  ScenarioResult,
  Environment,
  RunRecord,
  ReturnedBy,
  Status,
  CounterInfo,
  RuntimeResult,
  ProvenanceLevel,
  LibuvWindows,
} from '../schemas/index.ts';
import { notVerified } from './not-verified.ts';
import { counterEvidence, rowEvidence, type CounterEvidence, type RowEvidence } from './wire-evidence.ts';
import { errorUrl, errorNumberUrl, scenarioUrl, snippetUrl } from './urls.ts';
import { linuxCounterpart, windowsErrorsFor, windowsNodeCode, type WindowsNodeCode } from './equivalents.ts';
import { buildSearchIndex, type SearchIndex } from './search/index-format.ts';

export interface ScenarioInput extends Pick<
  ScenarioData,
  'title' | 'summary' | 'errors' | 'documented' | 'requires' | 'searchTerms' | 'expect' | 'segments'
> {
  slug: string;
}

export interface SiteData {
  errors: ErrorRecord[];
  platforms: Record<string, Equivalents>;
  /** libuv's Windows error mapping: the Node.js code of every Winsock and Windows error. */
  libuvWindows: LibuvWindows;
  messages: Message[];
  scenarios: ScenarioInput[];
  /** Scenarios each guide links from "Why it happens", keyed by error name. */
  guideScenarios: Record<string, string[]>;
  /** What each kernel counter a scenario checks counts (content/counters.yaml). */
  counters: Record<string, CounterInfo>;
  verification?: Verification;
}

export interface ErrorApiEntry {
  platform: ErrorRecord['platform'];
  name: string;
  number: number;
  message: string;
  meaning: string;
  aliases: string[];
  url: string;
  numberUrl: string;
  scenarios: string[];
  related: string[];
  searchTerms: string[];
  /** The message as a Simplified Chinese system prints it, with its level and sources. */
  messageZh?: ErrorRecord['messageZh'];
  hasGuide: boolean;
  equivalents: Omit<Equivalents, 'sources'> & {
    linux?: string;
    linuxNumber?: number;
    windows: string[];
    /** For a Winsock or Windows error: what Node.js reports on Windows, from libuv's Windows mapping. */
    nodeOnWindows?: WindowsNodeCode;
  };
  messages: Array<Pick<Message, 'text' | 'program' | 'platform'>>;
  /** Linux only: when Linux returns it (calls, condition, source ids), from content/errors/linux.yaml. */
  returnedBy?: ReturnedBy[];
}

export interface ScenarioApiEntry {
  slug: string;
  title: string;
  summary: string;
  errors: string[];
  url: string;
  snippet: string;
  status: Status;
  reason?: string;
  environment: Environment | null;
  runs: number;
  matched: number;
  durationMs: number;
  transcript: string;
  /** Each run's exit, time and kernel counters (the run's own network namespace). */
  runRecords: RunRecord[];
  /** One result per Node.js runtime, the pinned one first. */
  runtimes: Array<Pick<RuntimeResult, 'node' | 'status' | 'runs' | 'matched' | 'transcript' | 'ownExpectation'>>;
  /** The counters the build checks, expected against observed (null: not measured on this build). */
  counters: CounterEvidence[];
  /** The "On the wire" rows, each observed (with the counter proving it) or explained. */
  wire: Array<ScenarioData['segments'][number] & { evidence: RowEvidence }>;
  /** Windows and macOS outcomes: each with its level (documented or reported), sources and, when documented, the quote. */
  documented: ScenarioData['documented'];
  /** How each platform's outcome is known: verified here (Linux runs), documented by the platform owner, or reported by others. */
  levels: { linux: 'verified' | 'not verified' } & Partial<Record<'windows' | 'darwin', ProvenanceLevel>>;
}

/** The result for a scenario, or "not-verified" when the verifier has not run (e.g. `astro dev`). */
export function resultFor(verification: Verification | undefined, slug: string): ScenarioResult {
  return verification?.scenarios[slug] ?? notVerified('the verifier has not run for this build');
}

/** Slugs of scenarios that demonstrate `error`, or its Linux counterpart, in stable order. */
export function scenariosFor(error: ErrorRecord, data: SiteData): string[] {
  const slugs = new Set<string>();
  for (const s of data.scenarios) if (s.errors.includes(error.name)) slugs.add(s.slug);
  for (const slug of data.guideScenarios[error.name] ?? []) slugs.add(slug);
  return [...slugs].sort();
}

/** Messages that name `error` (or, for a Winsock/Windows error, its POSIX twin printed on Windows). */
export function messagesFor(error: ErrorRecord, data: SiteData): Message[] {
  return data.messages.filter((m) => m.error === error.name);
}

type ApiEquivalents = ErrorApiEntry['equivalents'];

/** A resolver error's row of the API: macOS number, Winsock code, Node.js code and libuv number (the same on every OS). */
function resolverEquivalents(e: Extract<ErrorRecord, { platform: 'resolver' }>): Omit<ApiEquivalents, 'windows'> {
  // EAI_SYSTEM has no code of its own in Node.js: it reports the errno behind it.
  const code = e.messageFrom === 'node' ? e.name : e.node === 'errno' ? undefined : e.node;
  const uv = e.messageFrom === 'node' ? e.number : e.uv;
  return {
    ...(e.darwin !== undefined ? { darwin: e.darwin } : {}),
    ...(e.winsock ? { winsock: e.winsock } : {}),
    ...(code ? { node: { code, ...(uv !== undefined ? { uvLinux: uv, uvWindows: uv } : {}) } } : {}),
    // CPython raises OSError from errno for EAI_SYSTEM, socket.gaierror for every other code.
    python: e.node === 'errno' ? 'OSError' : 'socket.gaierror',
  };
}

export function buildErrorsApi(data: SiteData): ErrorApiEntry[] {
  const byName = new Map(data.errors.map((e) => [e.name, e]));
  return data.errors.map((e) => {
    const linux = linuxCounterpart(e, byName);
    const { sources: _sources, ...eq } =
      e.platform === 'resolver' ? { ...resolverEquivalents(e), sources: [] } : (linux && data.platforms[linux.name]) || { sources: [] };
    const windows = linux ? windowsErrorsFor(linux.name, byName).map((w) => w.name) : [];
    return {
      platform: e.platform,
      name: e.name,
      number: e.number,
      message: e.message,
      meaning: e.meaning,
      aliases: e.platform === 'linux' ? e.aliases : [],
      url: errorUrl(e.platform, e.name),
      numberUrl: errorNumberUrl(e.platform, e.number),
      scenarios: scenariosFor(e, data),
      related: e.related,
      searchTerms: e.searchTerms,
      ...(e.messageZh ? { messageZh: e.messageZh } : {}),
      hasGuide: e.name in data.guideScenarios,
      equivalents: {
        ...eq,
        windows,
        ...(linux ? { linux: linux.name, linuxNumber: linux.number } : {}),
        // A Winsock or Windows error's Node.js code is libuv's translation, not its POSIX twin's.
        ...(e.platform === 'winsock' || e.platform === 'windows'
          ? { node: undefined, nodeOnWindows: windowsNodeCode(e.name, data.libuvWindows) }
          : {}),
      },
      messages: messagesFor(e, data).map(({ text, program, platform }) => ({ text, program, platform })),
      ...(e.platform === 'linux' && e.returnedBy ? { returnedBy: e.returnedBy } : {}),
    };
  });
}

export function buildScenariosApi(data: SiteData): ScenarioApiEntry[] {
  return data.scenarios.map((s) => {
    const r = resultFor(data.verification, s.slug);
    const counters = counterEvidence(s.expect.linux?.counters ?? {}, r.status, r.runRecords, data.counters);
    const rows = rowEvidence(s.segments, counters);
    return {
      slug: s.slug,
      title: s.title,
      summary: s.summary,
      errors: s.errors,
      url: scenarioUrl(s.slug),
      snippet: snippetUrl(s.slug),
      status: r.status,
      ...(r.reason ? { reason: r.reason } : {}),
      environment: r.runs > 0 && data.verification ? data.verification.environment : null,
      runs: r.runs,
      matched: r.matched,
      durationMs: r.durationMs,
      transcript: r.transcript,
      runRecords: r.runRecords,
      runtimes: r.runtimes.map(({ node, status, runs, matched, transcript, ownExpectation }) => ({
        node,
        status,
        runs,
        matched,
        transcript,
        ownExpectation,
      })),
      counters,
      wire: s.segments.map((seg, i) => ({ ...seg, evidence: rows[i] })),
      documented: s.documented,
      levels: {
        linux: r.status === 'verified' ? 'verified' : 'not verified',
        ...Object.fromEntries(Object.entries(s.documented).flatMap(([os, d]) => (d ? [[os, d.level]] : []))),
      },
    };
  });
}

/** The instant-search index (/api/search-index.json): the errors API plus the scenarios, compacted. */
/** The search box's index of `data`; a translated index also finds each scenario by its English title. */
export function buildSiteSearchIndex(data: SiteData, english?: SiteData): SearchIndex {
  const scenarios = data.scenarios.map((s, i) => {
    const title = english?.scenarios[i]?.title;
    return {
      slug: s.slug,
      title: s.title,
      summary: s.summary,
      url: scenarioUrl(s.slug),
      searchTerms: [...(s.searchTerms ?? []), ...(title && title !== s.title ? [title] : [])],
    };
  });
  return buildSearchIndex(buildErrorsApi(data), scenarios);
}
