// Build-time pass over a rendered page (run by src/middleware.ts): every h2 and h3 inside <main>
// gets an id and becomes a link to itself (a visible "#" cue comes from CSS), and a page with
// enough sections gets an on-page table of contents twice: a collapsible one before the first
// h2 (phones) and a side rail after </main> (desktop). CSS shows one of them per width.
// Pages are our own markup: headings never nest, so a plain scan is enough.
import { t } from '../i18n/ui.ts';

export interface Heading {
  level: 2 | 3;
  id: string;
  /** Inner HTML without tags: what the table of contents shows. */
  text: string;
}

/** Fewer h2 sections than this and the page is short enough to read without a table of contents. */
export const TOC_MIN_SECTIONS = 3;

const headingRe = /<h([23])(\s[^>]*)?>([\s\S]*?)<\/h\1>/g;

export const stripTags = (html: string) =>
  html
    .replace(/<[^>]*>/g, '')
    .replace(/\s+/g, ' ')
    .trim();

const decode = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&amp;/g, '&');

export function slugify(text: string): string {
  return (
    decode(text)
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-+|-+$/g, '') || 'section'
  );
}

/** Ids, and the headings found, after giving every h2/h3 of `main` an id and a link to itself. */
/** The words the pass adds to a page, in the page's language. */
export interface HeadingLabels {
  onThisPage: string;
  linkToSection: string;
}
const english: HeadingLabels = t('en');

export function linkHeadings(main: string, taken: Set<string>, labels: HeadingLabels = english): { html: string; headings: Heading[] } {
  const headings: Heading[] = [];
  const html = main.replace(headingRe, (whole, level: string, attrs = '', inner: string) => {
    // Status badges belong to the heading, not to its entry in the table of contents.
    const text = stripTags(inner.replace(/<span class="badge[^"]*"[^>]*>[\s\S]*?<\/span>/g, ''));
    if (!stripTags(inner)) return whole;
    let id = /\sid="([^"]+)"/.exec(attrs)?.[1];
    if (!id) {
      const base = slugify(text);
      id = base;
      for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
      taken.add(id);
      attrs = `${attrs} id="${id}"`;
    }
    headings.push({ level: Number(level) as 2 | 3, id, text });
    // A heading that already holds a link cannot become one: give it a separate "#" link.
    const body = /<a\s/i.test(inner)
      ? `${inner} <a class="heading-anchor" href="#${id}" aria-label="${labels.linkToSection}">#</a>`
      : `<a class="heading-link" href="#${id}">${inner}</a>`;
    return `<h${level}${attrs}>${body}</h${level}>`;
  });
  return { html, headings };
}

function tocList(headings: Heading[]): string {
  const link = (h: Heading) => `<a href="#${h.id}">${h.text}</a>`;
  // Each h2 with the h3s that follow it (a page that begins with h3s gets a group without an h2).
  const groups: Array<{ h2?: Heading; h3s: Heading[] }> = [];
  for (const h of headings) {
    if (h.level === 2 || groups.length === 0) groups.push({ h2: h.level === 2 ? h : undefined, h3s: [] });
    if (h.level === 3) groups.at(-1)!.h3s.push(h);
  }
  const item = (g: (typeof groups)[number]) =>
    `<li>${g.h2 ? link(g.h2) : ''}${g.h3s.length ? `<ol>${g.h3s.map((h) => `<li>${link(h)}</li>`).join('')}</ol>` : ''}</li>`;
  return `<ol>${groups.map(item).join('')}</ol>`;
}

/**
 * Returns the page with linked headings and, when it has at least TOC_MIN_SECTIONS h2s (and main
 * is not marked data-no-toc), its two tables of contents. Pages without <main id="main"> (redirects, endpoints) come back unchanged.
 */
export function enhanceHeadings(page: string, labels: HeadingLabels = english): string {
  const start = page.search(/<main\s[^>]*id="main"/);
  const wantToc = !/^<main\s[^>]*data-no-toc/.test(page.slice(start));
  const end = page.indexOf('</main>', start);
  if (start < 0 || end < 0) return page;
  const taken = new Set([...page.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]));
  const { html, headings } = linkHeadings(page.slice(start, end), taken, labels);
  let main = html;
  let rail = '';
  if (wantToc && headings.filter((h) => h.level === 2).length >= TOC_MIN_SECTIONS) {
    const list = tocList(headings);
    const inline =
      `<nav class="toc toc-inline" aria-label="${labels.onThisPage}" data-pagefind-ignore>` +
      `<details><summary>${labels.onThisPage}</summary>${list}</details></nav>`;
    rail = `<nav class="toc toc-rail" aria-label="${labels.onThisPage}"><p class="toc-title">${labels.onThisPage}</p>${list}</nav>`;
    const firstH2 = main.search(/<h2[\s>]/);
    main = `${main.slice(0, firstH2)}${inline}${main.slice(firstH2)}`;
  }
  const close = end + '</main>'.length;
  return `${page.slice(0, start)}${main}</main>${rail}${page.slice(close)}`;
}
