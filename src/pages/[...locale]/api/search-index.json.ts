// The instant search index: the errors API (buildErrorsApi) plus the scenarios, compacted to
// what the search box needs, once per language (/api/ and /zh-cn/api/search-index.json).
// Fetched lazily by SearchBox on first focus or input.
import type { APIRoute } from 'astro';
import { siteData } from '../../../data/site.ts';
import { buildSiteSearchIndex } from '../../../lib/api.ts';
import { localeParams, type Locale } from '../../../i18n/locales.ts';

export function getStaticPaths() {
  return localeParams();
}

export const GET: APIRoute = async ({ props }) => {
  const { locale } = props as { locale: Locale };
  const index = buildSiteSearchIndex(await siteData(locale), locale === 'en' ? undefined : await siteData());
  return new Response(JSON.stringify(index), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
