// Astro content loaders over the same reader the build scripts use, so the site, the
// verifier and the tests see one validated, cross-checked view of content/.
import type { Loader } from 'astro/loaders';
import { fileURLToPath } from 'node:url';
import { readContent, type Content } from './read-content.ts';
import { checkContent } from '../lib/checks.ts';
import { ContentError } from '../lib/problems.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** Reads and cross-checks content/; throws with every problem (file: field: message). */
export function loadCheckedContent(): Content {
  const content = readContent(root);
  const problems = checkContent(content);
  if (problems.length > 0) throw new ContentError(problems);
  return content;
}

/** A loader that stores `entries(content)` as [id, data] pairs. */
export function contentLoader(name: string, entries: (c: Content) => Array<[string, Record<string, unknown>]>): Loader {
  return {
    name: `errno-kb-${name}`,
    async load({ store, parseData }) {
      store.clear();
      for (const [id, raw] of entries(loadCheckedContent())) {
        store.set({ id, data: await parseData({ id, data: raw }) });
      }
    },
  };
}
