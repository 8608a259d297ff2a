// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { readContent } from './src/loaders/read-content.ts';
import { permalinks } from './src/lib/permalinks.ts';
import { errorPlatforms } from './src/schemas/index.ts';
import { codeFrame, noTokenizeTimeLimit } from './src/lib/highlight.ts';
import { defaultLocale, htmlLang, locales, localized } from './src/i18n/locales.ts';

// The public address is only used for canonical URLs, Open Graph tags and the sitemap.
const site = process.env.SITE_URL ?? 'https://errno-kb.example';

// Permalinks by number and by alias are redirects (noindex): keep them out of the sitemap.
const { errors } = readContent(process.cwd());
const redirects = new Set(
  errorPlatforms.flatMap((platform) =>
    permalinks(errors, platform)
      .filter((p) => p.redirect)
      .flatMap((p) => locales.map((locale) => localized(`/${platform}/${p.key}/`, locale))),
  ),
);

export default defineConfig({
  site,
  output: 'static',
  trailingSlash: 'always',
  build: { format: 'directory' },
  // English at the root (its URLs unchanged), every other language under its own prefix.
  i18n: { locales: [...locales], defaultLocale, routing: { prefixDefaultLocale: false } },
  integrations: [
    mdx(),
    sitemap({
      filter: (page) => !redirects.has(new URL(page).pathname) && !/\/404\/$/.test(new URL(page).pathname),
      // Each page listed with its other-language alternates (xhtml:link hreflang).
      i18n: { defaultLocale, locales: htmlLang },
    }),
  ],
  devToolbar: { enabled: false },
  markdown: {
    // One code theme that follows light/dark: both palettes as CSS variables (src/styles/reader.css picks).
    shikiConfig: {
      themes: { light: 'github-light', dark: 'github-dark' },
      defaultColor: false,
      transformers: [noTokenizeTimeLimit, codeFrame()],
    },
  },
});
