import type { APIRoute } from 'astro';
import { siteData } from '../../data/site.ts';
import { buildScenariosApi } from '../../lib/api.ts';

export const GET: APIRoute = async () => Response.json(buildScenariosApi(await siteData()));
