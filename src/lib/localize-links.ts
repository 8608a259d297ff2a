// A page in another language links to its own language: every site-relative href and form
// action of a /zh-cn/ page gets the /zh-cn/ prefix at build time (src/middleware.ts), so
// templates and translated prose keep writing English paths. Tags marked data-no-localize
// (the language switcher) and data files (JSON, snippets, search assets) are left alone.
import { localized, type Locale } from '../i18n/locales.ts';

const tagWithLink = /<(a|form)\b[^>]*>/g;

export function localizeLinks(html: string, locale: Locale): string {
  if (locale === 'en') return html;
  return html.replace(tagWithLink, (tag) =>
    tag.includes('data-no-localize')
      ? tag
      : tag.replace(/\s(href|action)="(\/[^"]*)"/, (_m, attr: string, path: string) => ` ${attr}="${localized(path, locale)}"`),
  );
}
