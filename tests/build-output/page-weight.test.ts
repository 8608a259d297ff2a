// Pages stay light: the HTML plus every stylesheet and script loaded before any interaction
// fits in 25 KB gzipped, and the only JavaScript anywhere is the allowed islands (search box,
// copy button, theme toggle, the filter of /compare/). Error pages never carry the search index.
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join, relative, sep } from 'node:path';
import { dist, errorsApi, page, walk } from './support.ts';

const budget = 25 * 1024;

const attr = (tag: string, name: string) => new RegExp(`\\s${name}\\s*=\\s*"([^"]*)"`, 'i').exec(tag)?.[1]?.replaceAll('&amp;', '&');

interface Script {
  tag: string;
  body: string;
  src?: string;
}

function scriptsOf(html: string): Script[] {
  return [...html.matchAll(/(<script\b[^>]*>)([\s\S]*?)<\/script>/gi)].map((m) => ({ tag: m[1], body: m[2], src: attr(m[1], 'src') }));
}

/** Script types that are data, not code. */
const isData = (s: Script) => /^(application\/(ld\+)?json|importmap|speculationrules|text\/template)$/i.test(attr(s.tag, 'type') ?? '');

/** A site-absolute path of a local file (external URLs are the links test's business). */
function local(href: string, from = '/'): string | undefined {
  const url = new URL(href, new URL(from, 'https://site.invalid'));
  return url.host === 'site.invalid' ? url.pathname : undefined;
}

/** Static imports of a JS module (not dynamic import(), which loads later, on demand). */
function staticImports(js: string): string[] {
  const out: string[] = [];
  for (const m of js.matchAll(/(?:^|[;\s}])(?:import|export)\s*(?:[\w$*{}\s,]+?\s*from\s*)?["']([^"']+)["']/g)) out.push(m[1]);
  return out;
}

/** Every file a page fetches before interaction: stylesheets, module preloads, scripts and their static imports. */
function eagerFiles(urlPath: string): string[] {
  const html = page(urlPath);
  const seen = new Set<string>();
  const queue: string[] = [];
  const add = (p: string | undefined) => {
    if (p && !seen.has(p)) {
      seen.add(p);
      queue.push(p);
    }
  };
  for (const m of html.matchAll(/<link\b[^>]*>/gi)) {
    const rel = (attr(m[0], 'rel') ?? '').toLowerCase().split(/\s+/);
    if (rel.includes('stylesheet') || rel.includes('modulepreload')) add(local(attr(m[0], 'href') ?? '', urlPath));
  }
  for (const s of scriptsOf(html)) {
    if (s.src) add(local(s.src, urlPath));
    else if (!isData(s)) for (const i of staticImports(s.body)) add(local(i, urlPath));
  }
  while (queue.length > 0) {
    const p = queue.shift()!;
    if (!p.endsWith('.js') && !p.endsWith('.mjs')) continue;
    const file = join(dist, p);
    if (!existsSync(file)) continue;
    for (const i of staticImports(readFileSync(file, 'utf8'))) add(local(i, p));
  }
  return [...seen];
}

const gz = (data: string | Buffer) => gzipSync(data).length;

function weight(urlPath: string): { total: number; parts: string[] } {
  const html = page(urlPath);
  let total = gz(html);
  const parts = [`${urlPath} ${gz(html)} B`];
  for (const p of eagerFiles(urlPath)) {
    const file = join(dist, p);
    expect(existsSync(file), `${urlPath} loads ${p}, which is missing`).toBe(true);
    const n = gz(readFileSync(file));
    total += n;
    parts.push(`${p} ${n} B`);
  }
  return { total, parts };
}

const firstScenario = () => {
  const dir = join(dist, 'scenarios');
  const slug =
    readdirSync(dir).find((d) => existsSync(join(dir, d, 'index.html')) && d === 'rst-on-close-with-unread-data') ??
    readdirSync(dir).find((d) => existsSync(join(dir, d, 'index.html')));
  return `/scenarios/${slug}/`;
};

describe('page weight (gzip, before interaction)', () => {
  // Both languages alike: the Chinese pages carry the same chrome and a translated guide.
  const pages = ['/', '/linux/econnreset/', firstScenario(), '/zh-cn/', '/zh-cn/linux/econnreset/', `/zh-cn${firstScenario()}`];
  it.each(pages)('%s: HTML + CSS + eager JS <= 25 KB', (urlPath) => {
    const { total, parts } = weight(urlPath);
    console.log(`page weight ${urlPath}: ${(total / 1024).toFixed(1)} KB gzip\n  ${parts.join('\n  ')}`);
    expect(total, parts.join(', ')).toBeLessThanOrEqual(budget);
  });
});

/**
 * The islands that may ship JavaScript, and how a <script> is recognised as theirs: a
 * data-island attribute (inline scripts the component writes itself), the bundle file name
 * Astro derives from the component (`SearchBox.astro_astro_type_script_index_0_lang.<hash>.js`),
 * or, for a small processed script Astro inlines, a marker in its code.
 */
const islands: Record<string, { island: string[]; bundle: RegExp; inline: RegExp; pages?: RegExp }> = {
  'theme toggle': {
    island: ['theme-toggle'],
    bundle: /^ThemeToggle\.astro_astro_type_script/,
    inline: /localStorage[\s\S]*data-?theme|theme-toggle/,
  },
  'copy button': { island: ['copy', 'copy-button'], bundle: /^CopyButton\.astro_astro_type_script/, inline: /data-copy|dataset\.copy/ },
  'search box': {
    island: ['search', 'search-box'],
    bundle: /^(SearchBox|search)\.astro_astro_type_script/i,
    inline: /site-search|combobox|search-index/,
  },
  // The 404 page sends an address typed in another case to its lower-case page, or fills its search box.
  'not found (404 page)': {
    island: ['not-found'],
    bundle: /^NotFound\.astro_astro_type_script/,
    inline: /notfound-search/,
    pages: /^\/(404\.html|zh-cn\/404\/)$/,
  },
  // The filter box of /compare/ (the column picker is CSS only).
  'compare filter': {
    island: ['compare-filter'],
    bundle: /^CompareFilter\.astro_astro_type_script/,
    inline: /compare-filter/,
    pages: /^(\/zh-cn)?\/compare\/$/,
  },
  // The full-text search page loads Pagefind's own UI (lazy index chunks, served from dist/pagefind/).
  'pagefind (search page)': {
    island: ['pagefind'],
    bundle: /^pagefind(-ui|-component-ui)?\.js$/,
    inline: /PagefindUI|pagefind/i,
    pages: /^(\/zh-cn)?\/search\/$/,
  },
};

function islandOf(s: Script, urlPath: string): string | undefined {
  const island = attr(s.tag, 'data-island');
  for (const [name, rule] of Object.entries(islands)) {
    if (rule.pages && !rule.pages.test(urlPath)) continue;
    if (island !== undefined) {
      if (rule.island.includes(island)) return name;
      continue;
    }
    if (s.src) {
      if (rule.bundle.test(s.src.split('/').pop() ?? '')) return name;
    } else if (rule.inline.test(s.body)) return name;
  }
  return undefined;
}

const pagePath = (file: string) => {
  const rel = `/${relative(dist, file).split(sep).join('/')}`;
  return rel.endsWith('/index.html') ? rel.slice(0, -'index.html'.length) : rel;
};

describe('JavaScript in dist/', () => {
  const htmlFiles = walk(dist, '.html');

  it('tells an island from any other script', () => {
    expect(islandOf({ tag: '<script>', body: 'alert(1)' }, '/')).toBeUndefined();
    expect(
      islandOf({ tag: '<script type="module" src="/_astro/Analytics.abc.js">', body: '', src: '/_astro/Analytics.abc.js' }, '/'),
    ).toBeUndefined();
    expect(
      islandOf({ tag: '<script src="/pagefind/pagefind-ui.js">', body: '', src: '/pagefind/pagefind-ui.js' }, '/linux/econnreset/'),
    ).toBeUndefined();
    expect(islandOf({ tag: '<script data-island="theme-toggle">', body: '' }, '/')).toBe('theme toggle');
  });

  it('comes only from the allowed islands', () => {
    const stray = new Set<string>();
    const found = new Map<string, number>();
    for (const file of htmlFiles) {
      const urlPath = pagePath(file);
      const html = readFileSync(file, 'utf8');
      for (const s of scriptsOf(html)) {
        if (isData(s)) continue;
        const name = islandOf(s, urlPath);
        if (name) found.set(name, (found.get(name) ?? 0) + 1);
        else stray.add(`${urlPath}: ${s.tag}${s.src ? '' : ` ${s.body.trim().slice(0, 80)}…`}`);
      }
      // Inline event handlers are JavaScript too.
      for (const m of html.matchAll(/<[a-z][^>]*\son[a-z]+\s*=\s*"[^"]*"/gi)) stray.add(`${urlPath}: inline handler ${m[0].slice(0, 80)}`);
    }
    console.log(`scripts by island: ${JSON.stringify(Object.fromEntries(found))}`);
    expect([...stray].slice(0, 20)).toEqual([]);
  });

  it('never embeds the search index in an error page', () => {
    const names = errorsApi().map((e) => e.name);
    const guard = (text: string) => names.filter((n) => text.includes(n)).length;
    for (const urlPath of ['/linux/econnreset/', '/winsock/wsaeconnreset/', '/linux/eperm/']) {
      if (!existsSync(join(dist, urlPath, 'index.html'))) continue;
      const html = page(urlPath);
      // Inline data or code naming many errors would be the index (the page's own links are markup, not scripts).
      const inline = scriptsOf(html)
        .map((s) => s.body)
        .join('\n');
      expect(guard(inline), `${urlPath}: inline scripts name many errors`).toBeLessThan(10);
      expect(html).not.toMatch(/<script[^>]*(id|data-[\w-]+)="[^"]*search-index/i);
      for (const p of eagerFiles(urlPath).filter((f) => /\.m?js$/.test(f))) {
        const js = readFileSync(join(dist, p), 'utf8');
        expect(guard(js), `${urlPath} loads ${p} eagerly, which names many errors (the search index?)`).toBeLessThan(10);
      }
    }
  });
});
