// The instant search index: the errors API (buildErrorsApi) plus the scenarios, compacted to
// what the search box needs. Fetched lazily by SearchBox on first focus or input.
import type { APIRoute } from 'astro';
import { siteData } from '../../data/site.ts';
import { buildErrorsApi } from '../../lib/api.ts';
import { scenarioUrl } from '../../lib/urls.ts';
import { buildSearchIndex } from '../../lib/search/index-format.ts';

export const GET: APIRoute = async () => {
  const data = await siteData();
  const scenarios = data.scenarios.map((s) => ({
    slug: s.slug,
    title: s.title,
    summary: s.summary,
    url: scenarioUrl(s.slug),
    searchTerms: s.searchTerms ?? [],
  }));
  return new Response(JSON.stringify(buildSearchIndex(buildErrorsApi(data), scenarios)), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
