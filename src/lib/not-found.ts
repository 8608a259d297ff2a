// What the 404 page makes of the address it was served for: the lower-case addresses worth
// trying (every page and redirect lives in lower case) and the words to put in its search box.
// Pure: runs in the browser and in unit tests.

import { translatedLocales, type Locale } from '../i18n/locales.ts';

type Table = 'linux' | 'winsock' | 'windows' | 'resolver';
const SAFE = /^[A-Za-z0-9_.-]{1,64}$/;

/** The table a bare error name belongs to, by its prefix: WSAE..., ERROR_..., EAI_..., E... */
function platformOf(name: string): Table | undefined {
  if (/^wsa[a-z_]+$/i.test(name)) return 'winsock';
  if (/^error_[a-z0-9_]+$/i.test(name)) return 'windows';
  if (/^eai_[a-z]+$/i.test(name)) return 'resolver';
  if (/^e[a-z0-9]{2,}$/i.test(name)) return 'linux';
  return undefined;
}

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

export interface NotFoundGuess {
  /** Addresses to try, best first; never the address itself. */
  candidates: string[];
  /** What the address held, for the search box ("ECONNRESET"), or ''. */
  query: string;
  /** The language the address asked for: 'zh-cn' under /zh-cn/ (any case), else 'en'. */
  locale: Locale;
}

export function notFoundGuess(pathname: string): NotFoundGuess {
  const path = typeof pathname === 'string' ? pathname.slice(0, 512) : '';
  const all = path.split('/').filter(Boolean).map(decode);
  // /zh-cn/... and /ZH-CN/...: guess within the Chinese pages.
  const locale: Locale = translatedLocales.find((l) => l === all[0]?.toLowerCase()) ?? 'en';
  const prefix = locale === 'en' ? '' : `/${locale}`;
  const segments = locale === 'en' ? all : all.slice(1);
  const last = segments.at(-1) ?? '';
  const query = last
    .replace(/\.html?$/i, '')
    .replace(/[+\s]+/g, ' ')
    .trim()
    .slice(0, 256);
  const candidates: string[] = [];
  if (segments.length && segments.length <= 3 && segments.every((s) => SAFE.test(s))) {
    const lower = segments.map((s) => s.toLowerCase());
    candidates.push(`${prefix}/${lower.join('/')}/`);
    // A name typed without its table: /ECONNRESET/, /WSAECONNRESET/, /ERROR_ACCESS_DENIED/.
    const platform = segments.length === 1 ? platformOf(segments[0]) : undefined;
    if (platform) candidates.push(`${prefix}/${platform}/${lower[0]}/`);
  } else if (locale !== 'en' && all[0] !== locale) {
    // /ZH-CN/ alone: the Chinese home page.
    candidates.push(`${prefix}/`);
  }
  return { candidates: [...new Set(candidates)].filter((c) => c !== path), query, locale };
}
