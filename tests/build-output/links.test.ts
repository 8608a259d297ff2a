// Every internal link and #anchor in dist/ resolves, and no page loads anything from another
// host (citations, plain <a href> to other sites, are fine: they are not fetched at run time).
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { dist, walk } from './support.ts';

/** The public address pages are built for (astro.config.mjs); links to it are internal. */
const site = new URL(process.env.SITE_URL ?? 'https://errno-kb.example');

/** `dist/linux/econnreset/index.html` -> `/linux/econnreset/`; `dist/404.html` -> `/404.html`. */
function urlPathOf(file: string): string {
  const rel = `/${relative(dist, file).split(sep).join('/')}`;
  return rel.endsWith('/index.html') ? rel.slice(0, -'index.html'.length) : rel;
}

const decode = (s: string) => s.replaceAll('&amp;', '&').replaceAll('&quot;', '"').replaceAll('&#39;', "'");

interface Tag {
  name: string;
  attrs: Record<string, string>;
}

/** Start tags with their attributes (Astro writes attributes quoted with "). */
function tags(html: string): Tag[] {
  const out: Tag[] = [];
  // Script and style bodies are not markup.
  const markup = html.replace(/<(script|style)\b([^>]*)>[\s\S]*?<\/\1>/gi, '<$1$2></$1>');
  for (const m of markup.matchAll(/<([a-zA-Z][\w-]*)((?:\s+[^\s=>"'/]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>"']+))?)*)\s*\/?>/g)) {
    const attrs: Record<string, string> = {};
    for (const a of m[2].matchAll(/([^\s=>"'/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+)))?/g)) {
      attrs[a[1].toLowerCase()] = decode(a[2] ?? a[3] ?? a[4] ?? '');
    }
    out.push({ name: m[1].toLowerCase(), attrs });
  }
  return out;
}

/** The dist/ file a site path is served from, or undefined. */
function resolveFile(pathname: string): string | undefined {
  let path: string;
  try {
    path = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  const file = join(dist, path);
  if (!file.startsWith(dist)) return undefined;
  if (path.endsWith('/')) return existsSync(join(file, 'index.html')) ? join(file, 'index.html') : undefined;
  if (!existsSync(file)) return undefined;
  if (statSync(file).isDirectory()) return existsSync(join(file, 'index.html')) ? join(file, 'index.html') : undefined;
  return file;
}

const pages = walk(dist, '.html');
const idCache = new Map<string, Set<string>>();
function idsOf(file: string): Set<string> {
  let ids = idCache.get(file);
  if (!ids) {
    ids = new Set(
      tags(readFileSync(file, 'utf8'))
        .flatMap((t) => [t.attrs.id, t.name === 'a' ? t.attrs.name : undefined])
        .filter((x): x is string => !!x),
    );
    idCache.set(file, ids);
  }
  return ids;
}

/** Attributes that point at another URL, per tag. */
const urlAttrs: Record<string, string[]> = {
  a: ['href'],
  area: ['href'],
  link: ['href'],
  script: ['src'],
  img: ['src', 'srcset'],
  source: ['src', 'srcset'],
  iframe: ['src'],
  video: ['src', 'poster'],
  audio: ['src'],
  embed: ['src'],
  object: ['data'],
  form: ['action'],
};

/** Tags whose URL is fetched when the page loads (as opposed to followed when clicked). */
function isResource(t: Tag): boolean {
  if (t.name === 'link') {
    const rel = (t.attrs.rel ?? '').toLowerCase().split(/\s+/);
    return rel.some((r) =>
      ['stylesheet', 'preload', 'modulepreload', 'icon', 'apple-touch-icon', 'manifest', 'prefetch', 'preconnect', 'dns-prefetch'].includes(
        r,
      ),
    );
  }
  return ['script', 'img', 'source', 'iframe', 'video', 'audio', 'embed', 'object'].includes(t.name);
}

function urlsOf(t: Tag): string[] {
  const out: string[] = [];
  for (const attr of urlAttrs[t.name] ?? []) {
    const v = t.attrs[attr];
    if (v === undefined) continue;
    if (attr === 'srcset')
      out.push(
        ...v
          .split(',')
          .map((c) => c.trim().split(/\s+/)[0])
          .filter(Boolean),
      );
    else out.push(v.trim());
  }
  if (t.name === 'meta' && (t.attrs['http-equiv'] ?? '').toLowerCase() === 'refresh') {
    const m = /url=(.+)$/i.exec(t.attrs.content ?? '');
    if (m) out.push(m[1].trim());
  }
  return out;
}

const isOtherHost = (u: URL) => (u.protocol === 'http:' || u.protocol === 'https:') && u.host !== site.host;

describe('links in dist/', () => {
  it('has pages to check', () => {
    expect(pages.length).toBeGreaterThan(10);
  });

  it('every internal link and #anchor resolves to a file and an id that exist', () => {
    const broken: string[] = [];
    for (const file of pages) {
      const from = urlPathOf(file);
      const base = new URL(from, site);
      for (const t of tags(readFileSync(file, 'utf8'))) {
        for (const href of urlsOf(t)) {
          if (href === '' || /^(mailto|tel|javascript|data):/i.test(href)) continue;
          let url: URL;
          try {
            url = new URL(href, base);
          } catch {
            broken.push(`${from} -> ${href} (not a URL)`);
            continue;
          }
          if (url.host !== site.host || !/^https?:$/.test(url.protocol)) continue;
          const target = resolveFile(url.pathname);
          if (!target) {
            broken.push(`${from} -> ${href}`);
            continue;
          }
          const fragment = decodeURIComponent(url.hash.slice(1));
          if (fragment && target.endsWith('.html') && !idsOf(target).has(fragment)) broken.push(`${from} -> ${href} (no id "${fragment}")`);
        }
      }
    }
    expect(broken).toEqual([]);
  });

  it('no page loads a script, stylesheet, font, image or frame from another host', () => {
    const offenders: string[] = [];
    for (const file of pages) {
      const from = urlPathOf(file);
      const html = readFileSync(file, 'utf8');
      for (const t of tags(html)) {
        if (!isResource(t)) continue;
        for (const href of urlsOf(t)) {
          const url = new URL(href, new URL(from, site));
          if (isOtherHost(url) || href.startsWith('//')) offenders.push(`${from} -> ${href} (<${t.name}>)`);
        }
      }
      // Inline styles: url() and @import.
      for (const m of html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>|\bstyle="([^"]*)"/g)) {
        for (const u of cssUrls(decode(m[1] ?? m[2] ?? ''))) if (/^(https?:)?\/\//i.test(u)) offenders.push(`${from} -> ${u} (inline CSS)`);
      }
    }
    for (const css of walk(dist, '.css')) {
      for (const u of cssUrls(readFileSync(css, 'utf8'))) {
        if (/^(https?:)?\/\//i.test(u)) offenders.push(`/${relative(dist, css)} -> ${u} (CSS url)`);
      }
    }
    for (const js of [...walk(dist, '.js'), ...walk(dist, '.mjs')]) {
      const text = readFileSync(js, 'utf8');
      for (const m of text.matchAll(/\bimport\s*(?:\(\s*|[^'"()]*?from\s*)?["'`]((?:https?:)?\/\/[^"'`]+)["'`]/g))
        offenders.push(`/${relative(dist, js)} -> ${m[1]} (JS import)`);
    }
    expect(offenders).toEqual([]);
  });

  it('CSS url() references inside dist/ resolve', () => {
    const broken: string[] = [];
    for (const css of walk(dist, '.css')) {
      const from = `/${relative(dist, css).split(sep).join('/')}`;
      for (const u of cssUrls(readFileSync(css, 'utf8'))) {
        if (/^(https?:)?\/\/|^data:|^#/i.test(u)) continue;
        const url = new URL(u, new URL(from, site));
        if (!resolveFile(url.pathname)) broken.push(`${from} -> ${u}`);
      }
    }
    expect(broken).toEqual([]);
  });
});

/** Every url(...) and @import "..." in a stylesheet. */
function cssUrls(css: string): string[] {
  const out: string[] = [];
  for (const m of css.matchAll(/url\(\s*(?:"([^"]*)"|'([^']*)'|([^)'"]*))\s*\)/g)) out.push((m[1] ?? m[2] ?? m[3] ?? '').trim());
  for (const m of css.matchAll(/@import\s+["']([^"']+)["']/g)) out.push(m[1]);
  return out.filter(Boolean);
}
