// Checks over translations: each is fresh (made from the English as it is now), keeps what
// must not change (links, code, components, headings) and writes the glossary's terms.
// A translation that is missing is not a problem here: the page shows the English with a notice.
import type { Content, Translations } from '../schemas/content.ts';
import type { ErrorRecord } from '../schemas/error.ts';
import type { Problem } from './problems.ts';
import type { Check } from './checks.ts';
import { englishOf, sourceHashOf, bodyProblems, glossaryProblems } from './translation.ts';

/** One translated unit next to its English source. */
export interface TranslationUnit {
  locale: string;
  kind: 'guide' | 'scenario' | 'error' | 'counter' | 'note';
  key: string;
  file: string;
  /** Field prefix inside the file ('' for a whole-file translation, the key for keyed files). */
  field: string;
  sourceHash: string;
  /** The English it translates, undefined when the English no longer exists. */
  english: unknown;
  /** English and translated text, side by side, for the glossary. */
  pairs: Array<[string, string]>;
  /** Structural problems (counts, links, code) found while pairing. */
  structure: string[];
}

const stringsOf = (value: unknown): string[] =>
  typeof value === 'string'
    ? [value]
    : Array.isArray(value)
      ? value.flatMap(stringsOf)
      : value && typeof value === 'object'
        ? Object.values(value).flatMap(stringsOf)
        : [];

// The three checks and scripts/i18n.ts all need the units of the same content: pair them once.
const pairedUnits = new WeakMap<Content, TranslationUnit[]>();

/** Every translated unit of every locale, paired with its English (computed once per content). */
export function translationUnits(content: Content): TranslationUnit[] {
  let units = pairedUnits.get(content);
  if (!units) pairedUnits.set(content, (units = pairUnits(content)));
  return units;
}

function pairUnits(content: Content): TranslationUnit[] {
  const units: TranslationUnit[] = [];
  const errors = new Map(content.errors.map((e) => [e.name, e]));
  for (const [locale, t] of Object.entries(content.translations)) {
    const glossary = t.glossary ?? { terms: [], headings: {} };
    for (const [key, g] of Object.entries(t.guides)) {
      const en = content.guides.find((x) => x.error === key);
      units.push({
        locale,
        kind: 'guide',
        key,
        file: g.file,
        field: '',
        sourceHash: g.sourceHash,
        english: en && englishOf.guide(en),
        pairs: en ? [[en.body, g.body]] : [],
        structure: en ? bodyProblems(en.body, g.body, glossary) : [],
      });
    }
    for (const [key, s] of Object.entries(t.scenarios)) {
      const en = content.scenarios.find((x) => x.slug === key);
      const structure: string[] = [];
      if (en) {
        structure.push(...bodyProblems(en.body, s.body, glossary));
        if (s.segments.length !== en.segments.length)
          structure.push(`${s.segments.length} segments where the English has ${en.segments.length}`);
        s.segments.forEach((seg, i) => {
          if ((seg.note === undefined) !== (en.segments[i]?.note === undefined))
            structure.push(`segments.${i}: a note only where the English has one`);
        });
        const platforms = Object.keys(en.documented).sort().join(', ');
        if (Object.keys(s.outcomes).sort().join(', ') !== platforms)
          structure.push(`outcomes must translate exactly the English documented platforms (${platforms || 'none'})`);
      }
      units.push({
        locale,
        kind: 'scenario',
        key,
        file: s.file,
        field: '',
        sourceHash: s.sourceHash,
        english: en && englishOf.scenario(en),
        pairs: en
          ? [
              [en.title, s.title],
              [en.summary, s.summary],
              [en.body, s.body],
              [stringsOf(en.segments.map(({ what, note }) => [what, note])).join('\n'), stringsOf(s.segments).join('\n')],
              [stringsOf(Object.values(en.documented).map((d) => d?.outcome)).join('\n'), stringsOf(s.outcomes).join('\n')],
            ]
          : [],
        structure,
      });
    }
    for (const [key, e] of Object.entries(t.errors)) {
      const en = errors.get(key);
      const enWhen = en?.platform === 'linux' ? (en.returnedBy ?? []).map((r) => r.when) : [];
      const structure: string[] = [];
      if (en && (e.returnedBy ?? []).length !== enWhen.length)
        structure.push(`returnedBy has ${(e.returnedBy ?? []).length} items where the English has ${enWhen.length}`);
      const enDescription = en && 'description' in en ? (en as ErrorRecord & { description?: string }).description : undefined;
      if (en && (e.description === undefined) !== (enDescription === undefined))
        structure.push('description only where the English has one');
      units.push({
        locale,
        kind: 'error',
        key,
        file: e.file,
        field: key,
        sourceHash: e.sourceHash,
        english: en && englishOf.error(en),
        pairs: en
          ? [[stringsOf([en.meaning, enDescription, enWhen]).join('\n'), stringsOf([e.meaning, e.description, e.returnedBy]).join('\n')]]
          : [],
        structure,
      });
    }
    for (const [key, c] of Object.entries(t.counters)) {
      const en = content.counters[key];
      units.push({
        locale,
        kind: 'counter',
        key,
        file: c.file,
        field: key,
        sourceHash: c.sourceHash,
        english: en && englishOf.text(en.meaning),
        pairs: en ? [[en.meaning, c.meaning]] : [],
        structure: [],
      });
    }
    for (const [key, n] of Object.entries(t.notes)) {
      const en = content.messages.find((m) => m.text === key && m.note !== undefined)?.note;
      units.push({
        locale,
        kind: 'note',
        key,
        file: n.file,
        field: key,
        sourceHash: n.sourceHash,
        english: en && englishOf.text(en),
        pairs: en ? [[en, n.note]] : [],
        structure: [],
      });
    }
  }
  return units;
}

const problem = (u: TranslationUnit, message: string, field = 'sourceHash'): Problem => ({
  file: u.file,
  field: u.field || field,
  message,
});

export const translationChecks: Check[] = [
  {
    id: 'translation-source',
    description: 'Every translation has an English source, was made from the English as it is now, and was stamped after review.',
    run(content) {
      return translationUnits(content).flatMap((u) => {
        if (u.english === undefined)
          return [problem(u, `no English ${u.kind} "${u.key}" to translate: remove the translation or fix its name`)];
        if (u.sourceHash === 'pending')
          return [problem(u, `not stamped: review it, then run \`npx node scripts/i18n.ts stamp ${u.file}\``)];
        const now = sourceHashOf(u.english);
        if (u.sourceHash !== now)
          return [
            problem(
              u,
              `stale: the English changed after this translation (sourceHash ${u.sourceHash}, English now ${now}); update it, then stamp it`,
            ),
          ];
        return [];
      });
    },
  },
  {
    id: 'translation-structure',
    description: 'A translation keeps the English links, code, components, headings and item counts; paragraphs stay on one line.',
    run(content) {
      return translationUnits(content).flatMap((u) => u.structure.map((m) => problem(u, m, 'body')));
    },
  },
  {
    id: 'translation-glossary',
    description: 'Translations write each glossary term one way: no avoided word, and required terms where the English uses them.',
    run(content) {
      const units = translationUnits(content);
      const missing = [...new Set(units.map((u) => u.locale))]
        .filter((locale) => !(content.translations[locale] as Translations).glossary)
        .map((locale) => ({
          file: `content/i18n/glossary.${locale}.yaml`,
          field: '',
          message: `file is missing: the ${locale} translations need a glossary`,
        }));
      const problems = units.flatMap((u) => {
        const glossary = (content.translations[u.locale] as Translations).glossary;
        if (!glossary) return [];
        return [...new Set(u.pairs.flatMap(([en, zh]) => glossaryProblems(en, zh, glossary)))].map((m) => problem(u, m, 'body'));
      });
      return [...missing, ...problems];
    },
  },
];
