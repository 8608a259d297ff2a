// The instant search: an exact pass (names, aliases, numbers on every platform, with hints
// from the log line's program), a token pass for pasted log lines and Chinese terms, then
// Fuse.js for typos. Pure and synchronous once built; runs in the browser and in unit tests.
import { clientStrings, type SearchLabels } from '../../i18n/client.ts';
import Fuse from 'fuse.js';
import { extractSignals, tokenize, type NumberSignal, type PlatformHint } from './normalize.ts';
import { indexErrorUrl, indexScenarioUrl, type IndexError, type IndexScenario, type SearchIndex } from './index-format.ts';

export interface SearchResult {
  kind: 'error' | 'scenario';
  /** ECONNRESET, or the scenario title. */
  title: string;
  /** Where the match applies: "Linux errno 104", "macOS errno 54", "Winsock 10054", "Scenario". */
  label: string;
  /** The message, or the scenario summary. */
  detail: string;
  url: string;
  score: number;
  /** Why it matched: exact (name or number), text (words of the query), fuzzy (typo tolerant). */
  match: 'exact' | 'text' | 'fuzzy';
}

export interface SearchOptions {
  limit?: number;
}

type Doc = { kind: 'error'; e: IndexError } | { kind: 'scenario'; s: IndexScenario };

// Field weights for the token pass (per text the token matched in).
const W_NAME = 1;
const W_MESSAGE = 1;
const W_TERM = 0.95;
const W_LOG = 1;
const W_TITLE = 0.85;
const W_MEANING = 0.5;
const W_SUMMARY = 0.45;

interface TextField {
  doc: number;
  weight: number;
  /** Distinct tokens in the text. */
  size: number;
  /** Error messages the text holds word for word ("connection reset by peer" in a log line), as phrases. */
  phrases?: string[];
}

// An error that no log line reports is rarely the one a reader meets: among errors that match
// the same words (for "reset": ECONNRESET, EL3RST), those with real log lines come first.
const UNSEEN = 0.85;
// A log line that holds another error's message than the one in the query reports that
// other error, however many of its other words ("could not receive data from server") match.
const CONTRADICTS = 0.5;
const AGREES = 1.15;
// A number that means several errors ("[Errno 54]": EXFULL on Linux, ECONNRESET on macOS)
// when the query's message names one of them: the others count this much.
const OTHER_MEANING = 0.4;

export interface Searcher {
  search(query: string, options?: SearchOptions): SearchResult[];
  /** Number of indexed errors and scenarios. */
  size: number;
}

interface Candidate {
  doc: number;
  score: number;
  match: SearchResult['match'];
  label?: string;
  /** Sort key among equal scores: lower first. */
  order: number;
}

const platformOrder = (p: IndexError['p'], hint?: PlatformHint): number => {
  if (p === 'r') return 3;
  if (hint === 'windows') return p === 's' ? 0 : p === 'w' ? 1 : 2;
  return p === 'l' ? 0 : p === 's' ? 1 : 2;
};

export function createSearcher(index: SearchIndex, labels: SearchLabels = clientStrings.en.search.labels): Searcher {
  const platformLabel = { l: 'Linux errno', s: 'Winsock', w: labels.windowsError, r: 'getaddrinfo' } as const;
  const docs: Doc[] = [...index.e.map((e): Doc => ({ kind: 'error', e })), ...index.s.map((s): Doc => ({ kind: 'scenario', s }))];

  // Exact lookups: names and aliases, numbers per table.
  const byName = new Map<string, Array<{ doc: number; weight: number }>>();
  const addName = (key: string, doc: number, weight: number) => {
    const k = key.toLowerCase();
    const list = byName.get(k) ?? [];
    list.push({ doc, weight });
    byName.set(k, list);
  };
  // rd: macOS getaddrinfo() codes, kept apart from macOS errno numbers (d).
  type Table = 'l' | 's' | 'w' | 'r' | 'd' | 'f' | 'ul' | 'uw' | 'rd';
  const byNumber = new Map<string, number[]>();
  const addNumber = (table: Table, n: number | undefined, doc: number) => {
    if (n === undefined) return;
    const k = `${table}${n}`;
    const list = byNumber.get(k) ?? [];
    list.push(doc);
    byNumber.set(k, list);
  };

  // Token pass: inverted index from token to the text fields containing it.
  const fields: TextField[] = [];
  const postings = new Map<string, number[]>();
  // Error messages as phrases (their tokens joined by spaces), grouped by first token.
  const phrasesByFirst = new Map<string, string[]>();
  for (const e of index.e) {
    const words = tokenize(e.m, 32);
    if (words.length < 2) continue;
    const list = phrasesByFirst.get(words[0]) ?? [];
    const phrase = words.join(' ');
    if (!list.includes(phrase)) list.push(phrase);
    phrasesByFirst.set(words[0], list);
  }
  /** The longest message phrases found in a token sequence (none inside another). */
  const phrasesIn = (tokens: string[]): string[] => {
    const line = ` ${tokens.join(' ')} `;
    const found = new Set<string>();
    for (const t of new Set(tokens)) {
      for (const p of phrasesByFirst.get(t) ?? []) if (line.includes(` ${p} `)) found.add(p);
    }
    return [...found].filter((p) => ![...found].some((o) => o !== p && o.includes(p)));
  };
  // Which documents hold each phrase in their message or a log line.
  const phraseDocs = new Map<string, Set<number>>();
  const addField = (doc: number, weight: number, text: string | undefined, withPhrases = false) => {
    if (!text) return;
    const sequence = tokenize(text, 96);
    const tokens = new Set(sequence);
    if (!tokens.size) return;
    const id = fields.length;
    const phrases = withPhrases ? phrasesIn(sequence) : [];
    for (const p of phrases) {
      const set = phraseDocs.get(p) ?? new Set<number>();
      set.add(doc);
      phraseDocs.set(p, set);
    }
    fields.push(phrases.length ? { doc, weight, size: tokens.size, phrases } : { doc, weight, size: tokens.size });
    for (const t of tokens) {
      const list = postings.get(t);
      if (list) list.push(id);
      else postings.set(t, [id]);
    }
  };

  docs.forEach((d, i) => {
    if (d.kind === 'error') {
      const e = d.e;
      addName(e.n, i, 100);
      addNumber(e.p, e.c, i);
      if (e.x) {
        addNumber(e.p === 'r' ? 'rd' : 'd', e.x.d, i);
        addNumber('f', e.x.f, i);
        addNumber('ul', e.x.ul, i);
        addNumber('uw', e.x.uw, i);
      }
      addField(i, W_NAME, e.n);
      addField(i, W_MESSAGE, e.m, true);
      addField(i, W_MEANING, e.d);
      for (const t of e.t ?? []) {
        // Aliases (EWOULDBLOCK) and exception classes (ConnectionResetError) are exact names too.
        if (/^[A-Za-z][A-Za-z0-9_]+$/.test(t) && /^(?:WSA)?E[A-Z0-9]+$|^ERROR_|Error$/.test(t)) addName(t, i, /Error$/.test(t) ? 70 : 90);
        addField(i, W_TERM, t);
      }
      for (const g of e.g ?? []) addField(i, W_LOG, g, true);
    } else {
      addField(i, W_TITLE, d.s.h);
      addField(i, W_SUMMARY, d.s.d);
      for (const t of d.s.t ?? []) addField(i, W_TERM * 0.9, t);
    }
  });
  const fieldCount = fields.length;

  // Typo tolerance: Fuse.js over the vocabulary of every indexed text (messages, meanings,
  // terms, log lines, titles). A query word the index does not know is replaced by the
  // nearest words Fuse finds; a word still being typed is expanded to the words it begins.
  // Searching a few thousand short words, instead of every record, keeps a keystroke cheap
  // even with ten times today's index.
  const vocabulary = [...postings.keys()].filter((t) => t.length >= 3 && !/^\d+$/.test(t)).sort();
  // One small Fuse per first character, built on first use: a typo rarely hits the first
  // letter, and searching a twentieth of the words keeps a keystroke well under a frame.
  const buckets = new Map<string, string[]>();
  for (const w of vocabulary) {
    const list = buckets.get(w[0]);
    if (list) list.push(w);
    else buckets.set(w[0], [w]);
  }
  const fuses = new Map<string, Fuse<string>>();
  const fuseFor = (first: string) => {
    let f = fuses.get(first);
    if (!f) {
      f = new Fuse(buckets.get(first) ?? [], { includeScore: true, threshold: 0.3, ignoreLocation: true, minMatchCharLength: 2 });
      fuses.set(first, f);
    }
    return f;
  };
  // Corrections already worked out, so typing "conection r", "conection re"... costs one search.
  const corrections = new Map<string, Array<[string, number]>>();
  const correct = (t: string): Array<[string, number]> => {
    let found = corrections.get(t);
    if (!found) {
      found = [];
      for (const r of fuseFor(t[0]).search(t, { limit: 3 })) {
        const score = r.score ?? 1;
        if (score <= 0.3) found.push([r.item, 0.9 * (1 - score)]);
      }
      if (corrections.size > 2000) corrections.clear();
      corrections.set(t, found);
    }
    return found;
  };
  const df = (t: string) => postings.get(t)?.length ?? 0;

  /** Words of the vocabulary that start with `prefix`, most frequent first. */
  function expand(prefix: string, max: number): string[] {
    let lo = 0;
    let hi = vocabulary.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (vocabulary[mid] < prefix) lo = mid + 1;
      else hi = mid;
    }
    const found: string[] = [];
    for (let i = lo; i < vocabulary.length && found.length < 200 && vocabulary[i].startsWith(prefix); i++) {
      if (vocabulary[i] !== prefix) found.push(vocabulary[i]);
    }
    return found.sort((a, b) => df(b) - df(a) || a.length - b.length).slice(0, max);
  }

  /** Each query word with the index words that stand for it and how much they count (0..1). */
  function alternatives(tokens: string[], typing: boolean): Array<Array<[string, number]>> {
    const unknown = tokens.filter((t) => !postings.has(t)).length;
    return tokens.map((t, i) => {
      const alts: Array<[string, number]> = [];
      if (postings.has(t)) alts.push([t, 1]);
      const last = typing && i === tokens.length - 1;
      if (last && t.length >= 3 && !/^\d+$/.test(t)) {
        for (const w of expand(t, 12)) alts.push([w, 0.6 + 0.35 * (t.length / w.length)]);
      }
      if (!alts.length && t.length >= 4 && t.length <= 32 && !/^\d+$/.test(t) && unknown <= 4 && tokens.length <= 10) {
        alts.push(...correct(t));
      }
      return alts;
    });
  }

  function labelFor(d: Doc): string {
    if (d.kind === 'scenario') return labels.scenario;
    return `${platformLabel[d.e.p]} ${d.e.c}`;
  }

  function numberCandidates(n: NumberSignal, hint: PlatformHint | undefined, bare: boolean, resolver: boolean): Candidate[] {
    const out: Candidate[] = [];
    const push = (table: Table, base: number, label: (e: IndexError) => string, order: number) => {
      for (const doc of byNumber.get(`${table}${n.value}`) ?? []) {
        const d = docs[doc];
        if (d.kind === 'error') out.push({ doc, score: base, match: 'exact', label: label(d.e), order });
      }
    };
    const v = n.value;
    const own = (e: IndexError) => `${platformLabel[e.p]} ${v}${n.written ? ` (${n.written})` : ''}`;
    if (n.kind === 'node' || v < 0) {
      // Negative numbers are libuv's (Node.js err.errno), or glibc's getaddrinfo() codes
      // ("[Errno -2] Name or service not known"), which win when the query is about resolving.
      push('r', resolver ? 90 : 50, () => `getaddrinfo ${v} (glibc)`, 0);
      push('uw', 80, () => labels.nodeOn('Windows', v), hint === 'linux' ? 1 : 0);
      push('ul', 80, () => labels.nodeOn('Linux', v), hint === 'windows' ? 1 : 0);
      return out;
    }
    // macOS numbers getaddrinfo() codes from 1 ("[Errno 8] nodename nor servname provided").
    if (resolver && n.kind !== 'windows') push('rd', 90, () => `getaddrinfo ${v} (macOS)`, 0);
    const winsockish = v >= 10000 && v < 12000;
    if (n.kind === 'windows') {
      if (winsockish) push('s', 85, own, 0);
      else push('w', 85, own, 0);
      return out;
    }
    // A number found by a pattern counts a bit more than a bare one on the platform it hints at.
    const base = bare ? 60 : 55;
    const prefer = (p: 'linux' | 'darwin' | 'windows') => (hint === p ? 10 : 0);
    if (n.kind === 'posix') {
      push('l', base + 5 + prefer('linux'), own, 0);
      push('d', base + prefer('darwin'), () => `macOS errno ${v}`, 3);
      push('f', base - 1 + prefer('darwin'), () => `FreeBSD errno ${v}`, 4);
      if (winsockish) push('s', base + 10, own, 1);
      return out;
    }
    // 'any': every table; Winsock for 10000+ first, then Linux, Windows, macOS, FreeBSD.
    push('s', base + (winsockish ? 10 : 0) + prefer('windows'), own, 1);
    push('l', base + prefer('linux'), own, 0);
    push('w', base - 2 + prefer('windows'), own, 2);
    push('d', base - 3 + prefer('darwin'), () => `macOS errno ${v}`, 3);
    push('f', base - 4 + prefer('darwin'), () => `FreeBSD errno ${v}`, 4);
    return out;
  }

  /** 1 for a text that names no error message; more or less when the query names one (see AGREES). */
  const agreement = (field: TextField, said: ReadonlySet<string>): number => {
    if (!said.size || !field.phrases) return 1;
    return field.phrases.some((p) => said.has(p)) ? AGREES : CONTRADICTS;
  };

  function tokenPass(tokens: string[], typing: boolean, said: ReadonlySet<string>): { scores: Map<number, number>; fuzzy: boolean } {
    const scores = new Map<number, number>();
    const unique = [...new Set(tokens)].slice(0, 48);
    if (!unique.length) return { scores, fuzzy: false };
    const alts = alternatives(unique, typing);
    const fuzzy = alts.some((list, i) => list.length > 0 && !postings.has(unique[i]));
    const idf = alts.map((list, i) => {
      // A word the index does not know at all still counts against coverage.
      const d = list.length ? df(list[0][0]) : 0;
      const weight = Math.log(1 + (fieldCount - d + 0.5) / (d + 0.5));
      return /^\d+$/.test(unique[i]) ? weight * 0.5 : weight;
    });
    const total = idf.reduce((a, b) => a + b, 0);
    if (total <= 0) return { scores, fuzzy };
    // Per field: the idf of query words it contains, scaled by how well each one matched.
    const hit = new Map<number, { sum: number; count: number }>();
    alts.forEach((list, i) => {
      const bestHere = new Map<number, number>();
      for (const [word, factor] of list) {
        for (const f of postings.get(word) ?? []) {
          if ((bestHere.get(f) ?? 0) < factor) bestHere.set(f, factor);
        }
      }
      for (const [f, factor] of bestHere) {
        const h = hit.get(f);
        if (h) {
          h.sum += idf[i] * factor;
          h.count += 1;
        } else hit.set(f, { sum: idf[i] * factor, count: 1 });
      }
    });
    for (const [f, h] of hit) {
      const field = fields[f];
      const coverage = h.sum / total; // how much of the query this text explains
      const precision = Math.min(1, h.count / field.size); // how much of the text the query covers
      const d = docs[field.doc];
      const seen = d.kind === 'scenario' || (d.e.g?.length ?? 0) > 0 ? 1 : UNSEEN;
      const s = field.weight * coverage * (0.75 + 0.25 * precision) * seen * agreement(field, said);
      const prev = scores.get(field.doc) ?? 0;
      // Best field counts fully; further fields add a little (an error with many matching log lines wins ties).
      scores.set(field.doc, prev === 0 ? s : Math.max(prev, s) + 0.02 * Math.min(prev, s));
    }
    return { scores, fuzzy };
  }

  /** Never throws: hostile or malformed input yields no results. */
  function safeSearch(query: string, options: SearchOptions = {}): SearchResult[] {
    try {
      return typeof query === 'string' ? search(query, options) : [];
    } catch {
      return [];
    }
  }

  function search(query: string, options: SearchOptions): SearchResult[] {
    const limit = Math.max(1, Math.min(options.limit ?? 8, 50));
    const signals = extractSignals(query);
    const text = signals.text;
    if (!text && !signals.numbers.length) return [];
    const best = new Map<number, Candidate>();
    const offer = (c: Candidate) => {
      const prev = best.get(c.doc);
      if (!prev) best.set(c.doc, c);
      else if (c.score > prev.score)
        best.set(c.doc, { ...c, score: c.score + Math.min(prev.score, 20) * 0.1, label: c.label ?? prev.label });
      else {
        prev.score += Math.min(c.score, 20) * 0.1;
        prev.label ??= c.label;
      }
    };

    // 1. Exact: names and aliases anywhere in the query.
    const namedDocs = new Set<number>();
    for (const w of signals.words) {
      for (const { doc, weight } of byName.get(w) ?? []) {
        namedDocs.add(doc);
        offer({ doc, score: weight, match: 'exact', order: 0 });
      }
    }
    // While typing a name ("econnr"), names that start with it.
    if (signals.words.length === 1 && /^(?:wsa)?e[a-z0-9]{2,}$|^error_[a-z_]{2,}$|^eai_[a-z]*$/.test(text) && text.length >= 4) {
      let n = 0;
      for (const [name, list] of byName) {
        if (name.length > text.length && name.startsWith(text) && n++ < 20) {
          for (const { doc, weight } of list) offer({ doc, score: weight - 30 - (name.length - text.length), match: 'exact', order: 0 });
        }
      }
    }
    // Error messages the query holds word for word: they tell which error a log line reports.
    const said = new Set(phrasesIn(tokenize(text, 48)));
    const saidDocs = new Set([...namedDocs, ...[...said].flatMap((p) => [...(phraseDocs.get(p) ?? [])])]);

    // 2. Exact: numbers, on each platform where they mean something. When the message (or an
    //    exception class such as TimeoutError) names one of the errors a number means, the others step back.
    signals.numbers.forEach((n, i) => {
      const found = numberCandidates(n, signals.platform, signals.bareNumber, signals.resolver);
      const named = found.some((c) => saidDocs.has(c.doc));
      for (const c of found) offer({ ...c, score: (c.score - i * 3) * (named && !saidDocs.has(c.doc) ? OTHER_MEANING : 1) });
    });

    // 3. Words of the query (log lines, messages, Chinese terms): up to 50 points.
    //    Typos and half-typed words are matched through the vocabulary (see alternatives()).
    // Words that only introduce a number ("errno 104", "error 10053") are not searched for.
    const tokens = signals.numbers.length ? tokenize(text, 48).filter((t) => !NUMBER_WORDS.has(t)) : tokenize(text, 48);
    const hasNumberMatch = best.size > 0;
    // The last word is still being typed unless the query ends with a space or punctuation.
    const typing = /[\p{L}\p{N}_]$/u.test(query.slice(-1)) && !signals.bareNumber;
    const pass = tokenPass(tokens, typing, said);
    for (const [doc, s] of pass.scores) {
      if (s < 0.3) continue;
      offer({ doc, score: 50 * s, match: pass.fuzzy ? 'fuzzy' : 'text', order: 5 });
    }

    const ranked = [...best.values()].sort((a, b) => {
      if (b.score !== a.score) return b.score - a.score;
      const da = docs[a.doc];
      const db = docs[b.doc];
      const pa = da.kind === 'error' ? platformOrder(da.e.p, signals.platform) : 9;
      const pb = db.kind === 'error' ? platformOrder(db.e.p, signals.platform) : 9;
      return a.order - b.order || pa - pb || a.doc - b.doc;
    });
    // Weak fuzzy matches are noise once there is an exact or strong text match.
    const top = ranked[0]?.score ?? 0;
    const floor = hasNumberMatch ? Math.max(top * 0.45, 20) : top >= 40 ? Math.min(top * 0.35, 20) : 8;
    return ranked
      .filter((c) => c.score >= floor)
      .slice(0, limit)
      .map((c): SearchResult => {
        const d = docs[c.doc];
        if (d.kind === 'scenario') {
          return {
            kind: 'scenario',
            title: d.s.h,
            label: labels.scenario,
            detail: d.s.d ?? '',
            url: indexScenarioUrl(d.s),
            score: round(c.score),
            match: c.match,
          };
        }
        return {
          kind: 'error',
          title: d.e.n,
          label: c.label ?? labelFor(d),
          detail: d.e.m,
          url: indexErrorUrl(d.e),
          score: round(c.score),
          match: c.match,
        };
      });
  }

  return { search: safeSearch, size: docs.length };
}

const NUMBER_WORDS = new Set(['errno', 'error', 'err', 'code', 'winerror', 'os', 'no', 'number', 'wsa', 'wsagetlasterror']);

const round = (n: number) => Math.round(n * 100) / 100;
