// The site's data from the real content/, as src/data/site.ts builds it for pages, without Astro.
import { fileURLToPath } from 'node:url';
import { readContent, type Content } from '../../src/loaders/read-content.ts';
import type { SiteData } from '../../src/lib/api.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));

export function realSiteData(content: Content = readContent(root)): SiteData {
  return {
    errors: [...content.errors].sort((a, b) => a.platform.localeCompare(b.platform) || a.number - b.number),
    platforms: content.platforms,
    libuvWindows: content.libuvWindows,
    messages: content.messages,
    scenarios: [...content.scenarios].sort((a, b) => a.slug.localeCompare(b.slug)),
    guideScenarios: Object.fromEntries(content.guides.map((g) => [g.error, g.scenarios])),
    counters: content.counters,
  };
}
