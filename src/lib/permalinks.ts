// Every address an error answers to: its name (the page), its number and its aliases (redirects).
import type { ErrorRecord, ErrorPlatform } from '../schemas/index.ts';
import { errorUrl } from './urls.ts';

export type Permalink = { key: string; error: ErrorRecord; redirect?: string };

/** Path segments under /<platform>/ for every error of that platform. */
export function permalinks(errors: readonly ErrorRecord[], platform: ErrorPlatform): Permalink[] {
  return errors
    .filter((e) => e.platform === platform)
    .flatMap((e) => [
      { key: e.name.toLowerCase(), error: e },
      { key: String(e.number), error: e, redirect: errorUrl(e.platform, e.name) },
      ...(e.platform === 'linux' ? e.aliases : []).map((a) => ({ key: a.toLowerCase(), error: e, redirect: errorUrl(e.platform, e.name) })),
    ]);
}
