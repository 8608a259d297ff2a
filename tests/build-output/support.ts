// Reads the built site for tests over dist/.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ErrorApiEntry, ScenarioApiEntry } from '../../src/lib/api.ts';

export const repo = fileURLToPath(new URL('../..', import.meta.url));
export const dist = join(repo, 'dist');

/** The file a URL path is served from (`/linux/econnreset/` -> dist/linux/econnreset/index.html). */
export function distFile(urlPath: string): string {
  return join(dist, urlPath.endsWith('/') ? `${urlPath}index.html` : urlPath);
}

export function page(urlPath: string): string {
  const file = distFile(urlPath);
  if (!existsSync(file)) throw new Error(`dist has no page for ${urlPath} (${file})`);
  return readFileSync(file, 'utf8');
}

export const errorsApi = (): ErrorApiEntry[] => JSON.parse(readFileSync(join(dist, 'api', 'errors.json'), 'utf8'));
export const scenariosApi = (): ScenarioApiEntry[] => JSON.parse(readFileSync(join(dist, 'api', 'scenarios.json'), 'utf8'));

/** Every href on a page. */
export function hrefs(html: string): string[] {
  return [...html.matchAll(/\bhref="([^"]*)"/g)].map((m) => m[1].replaceAll('&amp;', '&'));
}

/** Where a redirect page (meta refresh) points. */
export function redirectTarget(html: string): string | undefined {
  return /http-equiv="refresh" content="0; url=([^"]+)"/.exec(html)?.[1];
}

/** Every file below `dir` whose name ends with `ext`. */
export function walk(dir: string, ext: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path, ext, out);
    else if (name.endsWith(ext)) out.push(path);
  }
  return out;
}
