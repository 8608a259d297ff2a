// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { readContent } from './src/loaders/read-content.ts';
import { permalinks } from './src/lib/permalinks.ts';
import { errorPlatforms } from './src/schemas/index.ts';
import { codeFrame, noTokenizeTimeLimit } from './src/lib/highlight.ts';

// The public address is only used for canonical URLs, Open Graph tags and the sitemap.
const site = process.env.SITE_URL ?? 'https://errno-kb.example';

// Permalinks by number and by alias are redirects (noindex): keep them out of the sitemap.
const { errors } = readContent(process.cwd());
const redirects = new Set(
  errorPlatforms.flatMap((platform) =>
    permalinks(errors, platform)
      .filter((p) => p.redirect)
      .map((p) => `/${platform}/${p.key}/`),
  ),
);

export default defineConfig({
  site,
  output: 'static',
  trailingSlash: 'always',
  build: { format: 'directory' },
  integrations: [mdx(), sitemap({ filter: (page) => !redirects.has(new URL(page).pathname) })],
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
