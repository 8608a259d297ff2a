// The site's languages. English is served at the root (URLs unchanged), every other locale
// under its own prefix. Pure: no I/O, safe in the browser.

export const locales = ['en', 'zh-cn'] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = 'en';
/** Locales with translated content under content/**\/<locale>/. */
export const translatedLocales = locales.filter((l): l is Exclude<Locale, 'en'> => l !== defaultLocale);

/** The `lang` attribute (BCP 47) of each locale. */
export const htmlLang: Record<Locale, string> = { en: 'en', 'zh-cn': 'zh-CN' };

/** The locale a path belongs to: `/zh-cn/linux/` → zh-cn, `/linux/` → en. */
export function localeOf(path: string): Locale {
  const first = path.split('/')[1]?.toLowerCase();
  return translatedLocales.find((l) => l === first) ?? defaultLocale;
}

/** The path without its locale prefix: `/zh-cn/linux/` → `/linux/`. */
export function unlocalized(path: string): string {
  const locale = localeOf(path);
  return locale === defaultLocale ? path : path.slice(locale.length + 1) || '/';
}

/** A site path in `locale`: `/linux/` → `/zh-cn/linux/`. Leaves other hosts, anchors and data files alone. */
export function localized(path: string, locale: Locale): string {
  if (!path.startsWith('/') || path.startsWith('//')) return path;
  const bare = unlocalized(path);
  if (locale === defaultLocale || !isPage(bare)) return bare;
  return `/${locale}${bare}`;
}

/** Paths that are pages (not JSON, snippets, search assets or files with an extension). */
function isPage(path: string): boolean {
  const pathname = path.split(/[?#]/)[0];
  if (/^\/(api\/.+\.json|snippets\/|pagefind\/|_astro\/)/.test(pathname)) return false;
  return !/\.[a-z0-9]+$/i.test(pathname);
}

/** getStaticPaths params for a page that exists once per locale: `[...locale]` is undefined for English. */
export const localeParams = () =>
  locales.map((locale) => ({ params: { locale: locale === defaultLocale ? undefined : locale }, props: { locale } }));
