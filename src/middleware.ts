// Every HTML page passes through enhanceHeadings() when it is rendered (at build time for this
// static site): heading links and the on-page table of contents, in one place for all pages.
import { defineMiddleware } from 'astro:middleware';
import { enhanceHeadings } from './lib/headings.ts';

export const onRequest = defineMiddleware(async (_context, next) => {
  const response = await next();
  if (!(response.headers.get('content-type') ?? '').includes('text/html')) return response;
  const html = enhanceHeadings(await response.text());
  return new Response(html, { status: response.status, statusText: response.statusText, headers: response.headers });
});
