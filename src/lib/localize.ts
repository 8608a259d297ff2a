// The site's data in one locale: every translated string put in place of its English, and what
// is still English recorded, so a page can say so instead of mixing languages silently. Pure.
import type { SiteData } from './api.ts';
import type { LocaleTranslations } from '../schemas/translation.ts';

export interface Untranslated {
  errors: Set<string>;
  scenarios: Set<string>;
  guides: Set<string>;
}

export type LocalizedData = SiteData & { untranslated: Untranslated };

/** `data` with `tr` applied; without `tr` (English) nothing is untranslated. */
export function localizeData(data: SiteData, tr: LocaleTranslations | undefined, guides: readonly string[]): LocalizedData {
  if (!tr) return { ...data, untranslated: { errors: new Set(), scenarios: new Set(), guides: new Set() } };
  const errors = data.errors.map((e) => {
    const x = tr.errors[e.name];
    if (!x) return e;
    const out = { ...e, meaning: x.meaning };
    if ('description' in out && x.description) out.description = x.description;
    if (out.platform === 'linux' && out.returnedBy && x.returnedBy)
      out.returnedBy = out.returnedBy.map((r, i) => ({ ...r, when: x.returnedBy?.[i] ?? r.when }));
    return out;
  });
  const scenarios = data.scenarios.map((s) => {
    const x = tr.scenarios[s.slug];
    if (!x) return s;
    return {
      ...s,
      title: x.title,
      summary: x.summary,
      segments: s.segments.map((seg, i) => ({ ...seg, what: x.segments[i]?.what ?? seg.what, note: x.segments[i]?.note ?? seg.note })),
      documented: Object.fromEntries(
        Object.entries(s.documented).map(([platform, d]) => [platform, d && { ...d, outcome: x.outcomes[platform] ?? d.outcome }]),
      ),
    };
  });
  return {
    ...data,
    errors,
    scenarios,
    messages: data.messages.map((m) => (m.note && tr.notes[m.text] ? { ...m, note: tr.notes[m.text].note } : m)),
    counters: Object.fromEntries(
      Object.entries(data.counters).map(([k, c]) => [k, tr.counters[k] ? { ...c, meaning: tr.counters[k].meaning } : c]),
    ),
    untranslated: {
      errors: new Set(data.errors.filter((e) => !tr.errors[e.name]).map((e) => e.name)),
      scenarios: new Set(data.scenarios.filter((s) => !tr.scenarios[s.slug]).map((s) => s.slug)),
      guides: new Set(guides.filter((g) => !tr.guides.includes(g))),
    },
  };
}
