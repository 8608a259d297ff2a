// The instant search index: the errors API (buildErrorsApi) plus the scenarios, compacted to
// what the search box needs. Fetched lazily by SearchBox on first focus or input.
import type { APIRoute } from 'astro';
import { siteData } from '../../../data/site.ts';
import { buildSiteSearchIndex } from '../../../lib/api.ts';

export const GET: APIRoute = async () =>
  new Response(JSON.stringify(buildSiteSearchIndex(await siteData())), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
