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
  Status,
  ProvenanceLevel,
  LibuvWindows,
} from '../schemas/index.ts';
import { errorUrl, errorNumberUrl, scenarioUrl, snippetUrl } from './urls.ts';
import { linuxCounterpart, windowsErrorsFor, windowsNodeCode, type WindowsNodeCode } from './equivalents.ts';
import { buildSearchIndex, type SearchIndex } from './search/index-format.ts';

export interface ScenarioInput extends Pick<ScenarioData, 'title' | 'summary' | 'errors' | 'documented' | 'requires' | 'searchTerms'> {
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
  hasGuide: boolean;
  equivalents: Omit<Equivalents, 'sources'> & {
    linux?: string;
    linuxNumber?: number;
    windows: string[];
    /** For a Winsock or Windows error: what Node.js reports on Windows, from libuv's Windows mapping. */
    nodeOnWindows?: WindowsNodeCode;
  };
  messages: Array<Pick<Message, 'text' | 'program' | 'platform'>>;
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
  /** Windows and macOS outcomes: each with its level (documented or reported), sources and, when documented, the quote. */
  documented: ScenarioData['documented'];
  /** How each platform's outcome is known: verified here (Linux runs), documented by the platform owner, or reported by others. */
  levels: { linux: 'verified' | 'not verified' } & Partial<Record<'windows' | 'darwin', ProvenanceLevel>>;
}

/** The result for a scenario, or "not-verified" when the verifier has not run (e.g. `astro dev`). */
export function resultFor(verification: Verification | undefined, slug: string): ScenarioResult {
  return (
    verification?.scenarios[slug] ?? {
      status: 'not-verified',
      reason: 'the verifier has not run for this build',
      runs: 0,
      matched: 0,
      durationMs: 0,
      transcript: '',
      exitCode: null,
      runRecords: [],
      fingerprint: '',
    }
  );
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

export function buildErrorsApi(data: SiteData): ErrorApiEntry[] {
  const byName = new Map(data.errors.map((e) => [e.name, e]));
  return data.errors.map((e) => {
    const linux = linuxCounterpart(e, byName);
    const { sources: _sources, ...eq } = (linux && data.platforms[linux.name]) || { sources: [] };
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
      hasGuide: e.name in data.guideScenarios,
      equivalents: {
        ...eq,
        windows,
        ...(linux ? { linux: linux.name, linuxNumber: linux.number } : {}),
        // A Winsock or Windows error's Node.js code is libuv's translation, not its POSIX twin's.
        ...(e.platform !== 'linux' ? { node: undefined, nodeOnWindows: windowsNodeCode(e.name, data.libuvWindows) } : {}),
      },
      messages: messagesFor(e, data).map(({ text, program, platform }) => ({ text, program, platform })),
    };
  });
}

export function buildScenariosApi(data: SiteData): ScenarioApiEntry[] {
  return data.scenarios.map((s) => {
    const r = resultFor(data.verification, s.slug);
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
      documented: s.documented,
      levels: {
        linux: r.status === 'verified' ? 'verified' : 'not verified',
        ...Object.fromEntries(Object.entries(s.documented).flatMap(([os, d]) => (d ? [[os, d.level]] : []))),
      },
    };
  });
}

/** The instant-search index (/api/search-index.json): the errors API plus the scenarios, compacted. */
export function buildSiteSearchIndex(data: SiteData): SearchIndex {
  const scenarios = data.scenarios.map((s) => ({
    slug: s.slug,
    title: s.title,
    summary: s.summary,
    url: scenarioUrl(s.slug),
    searchTerms: s.searchTerms ?? [],
  }));
  return buildSearchIndex(buildErrorsApi(data), scenarios);
}
