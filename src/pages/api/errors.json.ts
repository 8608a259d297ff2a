import type { APIRoute } from 'astro';
import { siteData } from '../../data/site.ts';
import { buildErrorsApi } from '../../lib/api.ts';

export const GET: APIRoute = async () => Response.json(buildErrorsApi(await siteData()));
