// Every HTML page passes through enhanceHeadings() when it is rendered (at build time for this
// static site): heading links and the on-page table of contents, in one place for all pages,
// and, on a translated page, links that stay in its language.
import { defineMiddleware } from 'astro:middleware';
import { enhanceHeadings } from './lib/headings.ts';
import { localizeLinks } from './lib/localize-links.ts';
import { localeOf } from './i18n/locales.ts';
import { t } from './i18n/ui.ts';

export const onRequest = defineMiddleware(async (context, next) => {
  const response = await next();
  if (!(response.headers.get('content-type') ?? '').includes('text/html')) return response;
  const locale = localeOf(context.url.pathname);
  const { onThisPage, linkToSection } = t(locale);
  const html = localizeLinks(enhanceHeadings(await response.text(), { onThisPage, linkToSection }), locale);
  return new Response(html, { status: response.status, statusText: response.statusText, headers: response.headers });
});
