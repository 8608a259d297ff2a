import { describe, expect, it } from 'vitest';
import { enhanceHeadings, slugify } from '../../src/lib/headings.ts';

const page = (main: string) =>
  `<html><body><header><h2>Not in main</h2></header><main id="main" tabindex="-1">${main}</main><footer></footer></body></html>`;

describe('enhanceHeadings', () => {
  it('links every h2 and h3 of main to itself, giving ids to those without one', () => {
    const out = enhanceHeadings(page('<h2 id="a">Alpha</h2><h3>Beta <code>x</code></h3>'));
    expect(out).toContain('<h2 id="a"><a class="heading-link" href="#a">Alpha</a></h2>');
    expect(out).toContain('<h3 id="beta-x"><a class="heading-link" href="#beta-x">Beta <code>x</code></a></h3>');
    expect(out).toContain('<header><h2>Not in main</h2></header>');
  });

  it('leaves status badges out of the table of contents', () => {
    const out = enhanceHeadings(
      page('<h2 id="a">A</h2><h2 id="b">B</h2><h2 id="linux">Linux <span class="badge verified">verified</span></h2>'),
    );
    expect(out).toContain('<li><a href="#linux">Linux</a></li>');
    expect(out).toContain('<a class="heading-link" href="#linux">Linux <span class="badge verified">verified</span></a>');
  });

  it('never nests a link: a heading holding one gets a separate anchor', () => {
    const out = enhanceHeadings(page('<h2 id="s">See <a href="/x/">x</a></h2>'));
    expect(out).toContain(
      '<h2 id="s">See <a href="/x/">x</a> <a class="heading-anchor" href="#s" aria-label="Link to this section">#</a></h2>',
    );
  });

  it('keeps ids unique against the whole page', () => {
    const out = enhanceHeadings(`<p id="sources"></p>${page('<h2>Sources</h2><h2>Sources</h2>')}`);
    expect(out).toContain('<h2 id="sources-2">');
    expect(out).toContain('<h2 id="sources-3">');
  });

  it('adds the two tables of contents only from three sections on', () => {
    expect(enhanceHeadings(page('<p>x</p><h2 id="a">A</h2><h2 id="b">B</h2>'))).not.toContain('class="toc');
    const out = enhanceHeadings(page('<p>intro</p><h2 id="a">A</h2><h3 id="a1">A1</h3><h2 id="b">B</h2><h2 id="c">C</h2>'));
    const list =
      '<ol><li><a href="#a">A</a><ol><li><a href="#a1">A1</a></li></ol></li><li><a href="#b">B</a></li><li><a href="#c">C</a></li></ol>';
    // The collapsible one sits before the first h2, inside main; the rail right after main.
    expect(out).toContain(
      `<p>intro</p><nav class="toc toc-inline" aria-label="On this page" data-pagefind-ignore><details><summary>On this page</summary>${list}</details></nav><h2 id="a">`,
    );
    expect(out).toContain(
      `</main><nav class="toc toc-rail" aria-label="On this page"><p class="toc-title">On this page</p>${list}</nav><footer>`,
    );
  });

  it('adds no table of contents where main is marked data-no-toc, but still links the headings', () => {
    const out = enhanceHeadings(
      page('<h2 id="a">A</h2><h2 id="b">B</h2><h2 id="c">C</h2>').replace('tabindex="-1"', 'tabindex="-1" data-no-toc'),
    );
    expect(out).not.toContain('class="toc');
    expect(out).toContain('<a class="heading-link" href="#c">C</a>');
  });

  it('leaves a page without main alone', () => {
    const redirect = '<html><head><meta http-equiv="refresh" content="0;url=/x/"></head><body><h2>Moved</h2></body></html>';
    expect(enhanceHeadings(redirect)).toBe(redirect);
  });
});

describe('slugify', () => {
  it('makes lower-case ASCII ids', () => {
    expect(slugify('What &amp; why: ECONNRESET!')).toBe('what-why-econnreset');
    expect(slugify('—')).toBe('section');
  });
});
