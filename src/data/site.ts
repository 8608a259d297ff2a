// Loads every collection once per build into plain data for pages and endpoints, once per locale.
import { getCollection } from 'astro:content';
import type { ErrorRecord } from '../schemas/index.ts';
import { buildingFrom, readVerification } from '../loaders/read-verification.ts';
import type { SiteData } from '../lib/api.ts';
import { localizeData, type LocalizedData } from '../lib/localize.ts';
import { defaultLocale, type Locale } from '../i18n/locales.ts';

type Data = LocalizedData & { byName: Map<string, ErrorRecord> };
const cached = new Map<Locale, Promise<Data>>();

async function load(): Promise<SiteData & { guides: string[] }> {
  const [errors, platforms, libuv, messages, scenarios, guides, counters] = await Promise.all([
    getCollection('errors'),
    getCollection('platforms'),
    getCollection('libuv'),
    getCollection('messages'),
    getCollection('scenarios'),
    getCollection('guides'),
    getCollection('counters'),
  ]);
  const scenarioList = scenarios.map((s) => ({ slug: s.id, ...s.data })).sort((a, b) => a.slug.localeCompare(b.slug));
  const errorList = errors.map((e) => e.data).sort((a, b) => a.platform.localeCompare(b.platform) || a.number - b.number);
  return {
    errors: errorList,
    platforms: Object.fromEntries(platforms.map((p) => [p.id, p.data])),
    libuvWindows: libuv.find((l) => l.id === 'windows')!.data,
    messages: messages.map((m) => m.data),
    scenarios: scenarioList,
    guideScenarios: Object.fromEntries(guides.map((g) => [g.id, g.data.scenarios])),
    guides: guides.map((g) => g.id),
    counters: Object.fromEntries(counters.map((c) => [c.id, c.data])),
    verification: readVerification(buildingFrom()),
  };
}

let english: ReturnType<typeof load> | undefined;

async function localized(locale: Locale): Promise<Data> {
  english ??= load();
  const { guides, ...data } = await english;
  const tr = locale === defaultLocale ? undefined : (await getCollection('translations')).find((x) => x.id === locale)?.data;
  const out = localizeData(data, tr, guides);
  return { ...out, byName: new Map(out.errors.map((e) => [e.name, e])) };
}

/** All site data in `locale` (English by default), loaded once per locale. */
export function siteData(locale: Locale = defaultLocale): Promise<Data> {
  let data = cached.get(locale);
  if (!data) cached.set(locale, (data = localized(locale)));
  return data;
}
