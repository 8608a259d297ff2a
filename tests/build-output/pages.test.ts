// The built site: every error and scenario has its page, its permalinks resolve, and the
// pages, the JSON API and the content agree.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readContent } from '../../src/loaders/read-content.ts';
import { dist, errorsApi, hrefs, page, redirectTarget, repo, scenariosApi } from './support.ts';

const content = readContent(repo);

describe('dist/api/errors.json', () => {
  const api = errorsApi();

  it('holds every error in content/errors, once', () => {
    expect(api.map((e) => `${e.platform}:${e.name}`).sort()).toEqual(content.errors.map((e) => `${e.platform}:${e.name}`).sort());
  });

  it('gives each error the fields the API promises', () => {
    for (const e of api) {
      expect(e.platform).toMatch(/^(linux|winsock|windows|resolver)$/);
      expect(e.url).toBe(`/${e.platform}/${e.name.toLowerCase()}/`);
      expect(Array.isArray(e.scenarios)).toBe(true);
      expect(e.message.length).toBeGreaterThan(0);
      if (e.platform === 'linux' && !e.hasGuide) expect(e.returnedBy?.length, `${e.name}.returnedBy`).toBeGreaterThan(0);
    }
  });

  it('lists for each error exactly the scenarios that name it', () => {
    for (const e of api) {
      const naming = content.scenarios.filter((s) => s.errors.includes(e.name)).map((s) => s.slug);
      for (const slug of naming) expect(e.scenarios, e.name).toContain(slug);
    }
  });
});

describe('error pages', () => {
  const api = errorsApi();

  it('exist by name, titled "NAME (number): message"', () => {
    for (const e of api) {
      const html = page(e.url);
      const title = /<h1[^>]*>(.*?)<\/h1>/.exec(html)?.[1] ?? '';
      expect(title, e.url).toContain(`${e.name} (${e.number}):`);
      // Words around template expressions keep their spaces (a formatter once glued them).
      expect(html, e.url).toContain(`How ${e.name} is reported elsewhere`);
    }
  });

  it('resolve by number and by alias to the page by name', () => {
    for (const e of api) {
      expect(redirectTarget(page(e.numberUrl)), e.numberUrl).toBe(e.url);
      for (const alias of e.aliases) expect(redirectTarget(page(`/${e.platform}/${alias.toLowerCase()}/`))).toBe(e.url);
    }
  });

  it('link to their scenarios, and the scenarios link back', () => {
    for (const e of api) {
      const links = hrefs(page(e.url));
      for (const slug of e.scenarios) {
        expect(links, e.url).toContain(`/scenarios/${slug}/`);
        const scenario = content.scenarios.find((s) => s.slug === slug);
        if (scenario?.errors.includes(e.name)) expect(hrefs(page(`/scenarios/${slug}/`)), slug).toContain(e.url);
      }
    }
  });
});

describe('Linux error pages without a guide', () => {
  const guides = new Set(content.guides.map((g) => g.error));
  const text = (html: string) =>
    html
      .replace(/<[^>]+>/g, '')
      .replace(/&#39;|&#x27;/g, "'")
      .replace(/&quot;/g, '"')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&');

  it('say when Linux returns the error, each case linking its sources', () => {
    let checked = 0;
    for (const e of content.errors) {
      if (e.platform !== 'linux' || guides.has(e.name)) continue;
      const html = page(`/linux/${e.name.toLowerCase()}/`);
      const meaning = html.slice(html.indexOf('id="meaning"'), html.indexOf('id="scenarios"'));
      expect(e.returnedBy?.length, e.name).toBeGreaterThan(0);
      for (const r of e.returnedBy ?? []) {
        expect(text(meaning), e.name).toContain(r.when);
        for (const id of r.sources) expect(hrefs(meaning), `${e.name} cites ${id}`).toContain(content.sources[id].url);
      }
      checked++;
    }
    expect(checked).toBeGreaterThan(0);
  });
});

describe('scenarios', () => {
  const api = scenariosApi();

  it('are all in dist/api/scenarios.json with their page and raw snippet', () => {
    expect(api.map((s) => s.slug).sort()).toEqual(content.scenarios.map((s) => s.slug).sort());
    for (const s of api) {
      page(s.url);
      const snippet = readFileSync(join(dist, s.snippet), 'utf8');
      expect(snippet).toBe(readFileSync(join(repo, 'content', 'snippets', `${s.slug}.ts`), 'utf8'));
    }
  });

  it('agree with the verifier: a verified scenario shows its transcript and environment', () => {
    const results = JSON.parse(readFileSync(join(repo, 'generated', 'verification.json'), 'utf8'));
    for (const s of api) {
      expect(s.status, s.slug).toBe(results.scenarios[s.slug].status);
      if (s.status !== 'verified') continue;
      expect(s.transcript.length).toBeGreaterThan(0);
      expect(s.environment?.node).toBe(results.environment.node);
      const html = page(s.url);
      expect(html).toContain(`verified on Linux ${results.environment.kernel}, Node ${results.environment.node}`);
      for (const node of results.environment.runtimes) expect(html, s.slug).toContain(node);
      const firstLine = s.transcript
        .split('\n')[0]
        .replaceAll('&', '&amp;')
        .replaceAll('<', '&lt;')
        .replaceAll('>', '&gt;')
        .replaceAll('"', '&quot;')
        .replaceAll("'", '&#39;');
      expect(html).toContain(firstLine);
      expect(html).toContain(`node ${s.slug}.ts`);
    }
  });

  it('never claims verified on a page whose scenario is not verified', () => {
    for (const s of api.filter((x) => x.status !== 'verified')) {
      expect(page(s.url)).not.toMatch(/verified on Linux/);
    }
  });
});

describe('home and index pages', () => {
  it('list every scenario and link the code tables', () => {
    const home = hrefs(page('/'));
    for (const s of content.scenarios) expect(home).toContain(`/scenarios/${s.slug}/`);
    expect(home).toEqual(expect.arrayContaining(['/linux/', '/winsock/', '/compare/', '/verification/']));
  });

  it('index tables link every error of their platform', () => {
    for (const platform of ['linux', 'winsock'] as const) {
      const links = hrefs(page(`/${platform}/`));
      for (const e of content.errors.filter((x) => x.platform === platform))
        expect(links).toContain(`/${platform}/${e.name.toLowerCase()}/`);
    }
  });
});
