// Loads every collection once per build into plain data for pages and endpoints.
import { getCollection } from 'astro:content';
import type { ErrorRecord } from '../schemas/index.ts';
import { buildingFrom, readVerification } from '../loaders/read-verification.ts';
import type { SiteData } from '../lib/api.ts';

let cached: Promise<SiteData & { byName: Map<string, ErrorRecord> }> | undefined;

async function load() {
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
    byName: new Map(errorList.map((e) => [e.name, e])),
    platforms: Object.fromEntries(platforms.map((p) => [p.id, p.data])),
    libuvWindows: libuv.find((l) => l.id === 'windows')!.data,
    messages: messages.map((m) => m.data),
    scenarios: scenarioList,
    guideScenarios: Object.fromEntries(guides.map((g) => [g.id, g.data.scenarios])),
    counters: Object.fromEntries(counters.map((c) => [c.id, c.data])),
    verification: readVerification(buildingFrom()),
  };
}

/** All site data, loaded once. */
export function siteData() {
  cached ??= load();
  return cached;
}
