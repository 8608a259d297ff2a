// Cross-reference checks over loaded content. Each check has a stable id, says what it
// guards, and returns problems naming the file and field to fix. Pure: no I/O.
import type { Content } from '../schemas/content.ts';
import type { Problem } from './problems.ts';
import { isOwnerSource } from './provenance.ts';
import { translationChecks } from './translation-checks.ts';

export interface Check {
  id: string;
  description: string;
  run(content: Content): Problem[];
}

const errorFile = (platform: string) => `content/errors/${platform}.yaml`;

function nameIndex(content: Content): Set<string> {
  return new Set(content.errors.map((e) => e.name));
}

/** Problems for each name in `names` that is not a known error. */
function unknownErrors(known: Set<string>, names: readonly string[], file: string, field: string): Problem[] {
  return names
    .map((name, i) => ({ name, i }))
    .filter(({ name }) => !known.has(name))
    .map(({ name, i }) => ({ file, field: `${field}.${i}`, message: `unknown error "${name}": it is not in content/errors/*.yaml` }));
}

function unknownSources(content: Content, ids: readonly string[], file: string, field: string): Problem[] {
  return ids
    .map((id, i) => ({ id, i }))
    .filter(({ id }) => !(id in content.sources))
    .map(({ id, i }) => ({ file, field: `${field}.${i}`, message: `unknown source "${id}": add it to content/sources/*.yaml` }));
}

export const checks: Check[] = [
  {
    id: 'unique-numbers',
    description: 'No two errors of one platform share a number (aliases are listed on the error, not as entries).',
    run(content) {
      const seen = new Map<string, string>();
      const problems: Problem[] = [];
      for (const e of content.errors) {
        const key = `${e.platform}:${e.number}`;
        const first = seen.get(key);
        if (first) {
          problems.push({
            file: errorFile(e.platform),
            field: `${e.name}.number`,
            message: `number ${e.number} is already used by ${first}; make one an alias of the other`,
          });
        } else seen.set(key, e.name);
      }
      return problems;
    },
  },
  {
    id: 'unique-names',
    description: 'An error name is defined in one platform file only, and an alias never collides with an error name or another alias.',
    run(content) {
      const names = nameIndex(content);
      const problems: Problem[] = [];
      const platformOf = new Map<string, string>();
      for (const e of content.errors) {
        const first = platformOf.get(e.name);
        if (first)
          problems.push({ file: errorFile(e.platform), field: e.name, message: `"${e.name}" is already defined in ${errorFile(first)}` });
        else platformOf.set(e.name, e.platform);
      }
      const aliasOwner = new Map<string, string>();
      for (const e of content.errors) {
        if (e.platform !== 'linux') continue;
        e.aliases.forEach((alias, i) => {
          const other = names.has(alias) ? alias : aliasOwner.get(alias);
          if (other)
            problems.push({
              file: errorFile('linux'),
              field: `${e.name}.aliases.${i}`,
              message: `alias "${alias}" is already taken by ${other}`,
            });
          aliasOwner.set(alias, e.name);
        });
      }
      return problems;
    },
  },
  {
    id: 'error-references',
    description:
      'Every error named by a related list, posix mapping, resolver node/winsock mapping, scenario, message, guide or platform table exists.',
    run(content) {
      const known = nameIndex(content);
      const problems: Problem[] = [];
      for (const e of content.errors) {
        problems.push(...unknownErrors(known, e.related, errorFile(e.platform), `${e.name}.related`));
        if ((e.platform === 'winsock' || e.platform === 'windows') && e.posix)
          problems.push(
            ...unknownErrors(known, [e.posix], errorFile(e.platform), `${e.name}.posix`).map((p) => ({ ...p, field: `${e.name}.posix` })),
          );
        if (e.platform === 'resolver')
          for (const key of ['node', 'winsock'] as const) {
            const name = e[key];
            if (name && name !== 'errno')
              problems.push(
                ...unknownErrors(known, [name], errorFile(e.platform), `${e.name}.${key}`).map((p) => ({
                  ...p,
                  field: `${e.name}.${key}`,
                })),
              );
          }
      }
      for (const s of content.scenarios) problems.push(...unknownErrors(known, s.errors, s.file, 'errors'));
      for (const m of content.messages)
        if (m.error)
          problems.push(...unknownErrors(known, [m.error], m.file, `${m.index}.error`).map((p) => ({ ...p, field: `${m.index}.error` })));
      for (const g of content.guides) {
        if (!known.has(g.error))
          problems.push({ file: g.file, field: '', message: `guide for unknown error "${g.error}": the file name must be an error name` });
      }
      for (const [name, eq] of Object.entries(content.platforms)) {
        const file = 'content/errors/platforms.yaml';
        if (!content.errors.some((e) => e.platform === 'linux' && e.name === name))
          problems.push({ file, field: name, message: `"${name}" is not a Linux errno in content/errors/linux.yaml` });
        if (eq.winsock)
          problems.push(...unknownErrors(known, [eq.winsock], file, `${name}.winsock`).map((p) => ({ ...p, field: `${name}.winsock` })));
      }
      return problems;
    },
  },
  {
    id: 'scenario-references',
    description: 'Every scenario named by a scenario, guide or message exists, and every scenario has its snippet and vice versa.',
    run(content) {
      const slugs = new Set(content.scenarios.map((s) => s.slug));
      const snippetSlugs = new Set(content.snippets.map((s) => s.slug));
      const problems: Problem[] = [];
      const unknown = (file: string, field: string, slug: string) =>
        problems.push({ file, field, message: `unknown scenario "${slug}": there is no content/scenarios/${slug}.mdx` });
      for (const s of content.scenarios) {
        s.related.forEach((r, i) => slugs.has(r) || unknown(s.file, `related.${i}`, r));
        if (!snippetSlugs.has(s.slug))
          problems.push({ file: s.file, field: '', message: `missing snippet: create content/snippets/${s.slug}.ts` });
      }
      for (const g of content.guides) g.scenarios.forEach((r, i) => slugs.has(r) || unknown(g.file, `scenarios.${i}`, r));
      for (const m of content.messages) if (m.scenario && !slugs.has(m.scenario)) unknown(m.file, `${m.index}.scenario`, m.scenario);
      for (const sn of content.snippets) {
        if (!slugs.has(sn.slug))
          problems.push({
            file: sn.file,
            field: '',
            message: `snippet without a scenario: create content/scenarios/${sn.slug}.mdx or remove it`,
          });
      }
      return problems;
    },
  },
  {
    id: 'source-references',
    description: 'Every cited source id is defined in content/sources/*.yaml.',
    run(content) {
      const problems: Problem[] = [];
      for (const e of content.errors) {
        problems.push(...unknownSources(content, e.sources, errorFile(e.platform), `${e.name}.sources`));
        if (e.messageZh)
          problems.push(...unknownSources(content, e.messageZh.sources, errorFile(e.platform), `${e.name}.messageZh.sources`));
        if (e.platform === 'linux')
          (e.returnedBy ?? []).forEach((r, i) =>
            problems.push(...unknownSources(content, r.sources, errorFile('linux'), `${e.name}.returnedBy.${i}.sources`)),
          );
      }
      for (const [name, eq] of Object.entries(content.platforms))
        problems.push(...unknownSources(content, eq.sources, 'content/errors/platforms.yaml', `${name}.sources`));
      for (const s of content.scenarios) {
        problems.push(...unknownSources(content, s.sources, s.file, 'sources'));
        for (const [os, doc] of Object.entries(s.documented))
          if (doc) problems.push(...unknownSources(content, doc.sources, s.file, `documented.${os}.sources`));
      }
      for (const g of content.guides) problems.push(...unknownSources(content, g.sources, g.file, 'sources'));
      for (const [name, c] of Object.entries(content.counters))
        problems.push(...unknownSources(content, c.sources, 'content/counters.yaml', `${name}.sources`));
      return problems;
    },
  },
  {
    id: 'counter-references',
    description:
      'Every kernel counter a scenario expects is explained in content/counters.yaml, and every "On the wire" row that cites a counter cites one the scenario checks.',
    run(content) {
      const problems: Problem[] = [];
      for (const s of content.scenarios) {
        const checked = s.expect.linux?.counters ?? {};
        for (const name of Object.keys(checked))
          if (!(name in content.counters))
            problems.push({
              file: s.file,
              field: `expect.linux.counters.${name}`,
              message: `unknown counter "${name}": explain what it counts in content/counters.yaml`,
            });
        s.segments.forEach((seg, i) => {
          if (seg.counter && !(seg.counter in checked))
            problems.push({
              file: s.file,
              field: `segments.${i}.counter`,
              message: `"${seg.counter}" proves this row only if the run checks it: add it to expect.linux.counters`,
            });
        });
      }
      return problems;
    },
  },
  {
    id: 'outcome-quotes',
    description: 'A quote on a documented outcome comes from one of the sources that outcome cites.',
    run(content) {
      const problems: Problem[] = [];
      for (const s of content.scenarios)
        for (const [os, doc] of Object.entries(s.documented))
          doc?.quote?.forEach((q, i) => {
            if (!doc.sources.includes(q.source))
              problems.push({
                file: s.file,
                field: `documented.${os}.quote.${i}.source`,
                message: `quotes "${q.source}", which this outcome does not cite: add it to documented.${os}.sources`,
              });
          });
      return problems;
    },
  },
  {
    id: 'linux-explained',
    description: 'Every Linux errno has a guide or says when Linux returns it (returnedBy), so no error page only repeats its message.',
    run(content) {
      const guides = new Set(content.guides.map((g) => g.error));
      return content.errors
        .filter((e) => e.platform === 'linux' && !e.returnedBy && !guides.has(e.name))
        .map((e) => ({
          file: errorFile('linux'),
          field: e.name,
          message: `${e.name} has neither a guide nor returnedBy: add returnedBy (which calls return it, when, with the man page as source) or content/guides/${e.name}.mdx`,
        }));
    },
  },
  {
    id: 'documented-owner',
    description:
      'A documented outcome quotes the platform owner (Microsoft Learn, Apple, libuv or Node.js source, FreeBSD, an RFC); an outcome supported only by third parties is level: reported.',
    run(content) {
      const problems: Problem[] = [];
      for (const s of content.scenarios)
        for (const [os, doc] of Object.entries(s.documented)) {
          if (doc?.level !== 'documented') continue;
          doc.quote?.forEach((q, i) => {
            const title = content.sources[q.source]?.title;
            if (title !== undefined && !isOwnerSource(title))
              problems.push({
                file: s.file,
                field: `documented.${os}.quote.${i}.source`,
                message: `"${q.source}" (${title}) is not the platform's owner: quote the owner's page, or make the outcome level: reported`,
              });
          });
        }
      return problems;
    },
  },
  {
    id: 'snippet-imports',
    description: 'Snippets import only node:* modules, so a reader can run them with no install.',
    run(content) {
      const problems: Problem[] = [];
      for (const sn of content.snippets) {
        for (const m of sn.source.matchAll(/^\s*import\b[^'"]*['"]([^'"]+)['"]/gm)) {
          if (!m[1].startsWith('node:'))
            problems.push({ file: sn.file, field: 'import', message: `imports "${m[1]}"; snippets may import only node:* modules` });
        }
      }
      return problems;
    },
  },
];

/** Level-2 headings of a Markdown body, in order. */
export function headings(body: string): string[] {
  return [...body.replace(/```[\s\S]*?```/g, '').matchAll(/^## +(.+?)\s*$/gm)].map((m) => m[1]);
}

/** Problems when `body` lacks one of `required` headings or has them out of order. */
function sectionProblems(file: string, body: string, required: readonly string[]): Problem[] {
  const found = headings(body);
  const missing = required.filter((h) => !found.includes(h));
  if (missing.length > 0) return [{ file, field: 'body', message: `missing section(s) ${missing.map((h) => `"## ${h}"`).join(', ')}` }];
  const order = required.map((h) => found.indexOf(h));
  if (order.some((at, i) => i > 0 && at < order[i - 1]))
    return [{ file, field: 'body', message: `sections must come in this order: ${required.join(', ')}` }];
  return [];
}

/** The sections every guide has, in order (issue: cause-and-fix guides). */
export const guideSections = ['What it means', 'Why it happens', 'How to fix', 'Messages you may see'] as const;
/** The sections every scenario narrative has, in order. */
export const scenarioSections = ['What happens', 'Why it happens', 'How to avoid it'] as const;

checks.push(
  {
    id: 'prose-sections',
    description: 'Guides and scenarios have their required sections, in order.',
    run(content) {
      return [
        ...content.guides.flatMap((g) => sectionProblems(g.file, g.body, guideSections)),
        ...content.scenarios.flatMap((s) => sectionProblems(s.file, s.body, scenarioSections)),
      ];
    },
  },
  {
    id: 'prose-links',
    description:
      'Links in guide and scenario prose to /scenarios/, /linux/, /winsock/, /windows/ or /resolver/ pages point at pages that exist.',
    run(content) {
      const slugs = new Set(content.scenarios.map((s) => s.slug));
      const pages = new Set(
        content.errors.flatMap((e) => [
          `/${e.platform}/${e.name.toLowerCase()}/`,
          `/${e.platform}/${e.number}/`,
          ...(e.platform === 'linux' ? e.aliases.map((a) => `/linux/${a.toLowerCase()}/`) : []),
        ]),
      );
      const problems: Problem[] = [];
      for (const doc of [...content.guides, ...content.scenarios]) {
        for (const [, href] of doc.body.matchAll(/\]\((\/(?:scenarios|linux|winsock|windows|resolver)\/[^)#\s]*)/g)) {
          const scenario = /^\/scenarios\/([^/]+)\/$/.exec(href);
          const ok = scenario ? slugs.has(scenario[1]) : pages.has(href);
          if (!ok)
            problems.push({
              file: doc.file,
              field: 'body',
              message: `link to ${href} goes nowhere (links end with a slash; error pages use the lower-case name)`,
            });
        }
      }
      return problems;
    },
  },
);

/** Prose blocks of a Markdown body (paragraphs and list items), without code blocks and without <Outcome /> tags. */
export function proseBlocks(body: string): string[] {
  return body
    .replace(/```[\s\S]*?```/g, '')
    .replace(/<Outcome\b[^>]*\/>/g, '')
    .split(/\n\s*\n|\n(?=\s*[-*] )/)
    .map((b) => b.trim())
    .filter((b) => b.length > 0);
}

/** `<Outcome scenario="slug" platform="windows" />` tags of an MDX body. */
export function outcomeTags(body: string): Array<{ scenario: string; platform: string }> {
  return [...body.matchAll(/<Outcome\b([^>]*)\/>/g)].map(([, attrs]) => ({
    scenario: /\bscenario="([^"]*)"/.exec(attrs)?.[1] ?? '',
    platform: /\bplatform="([^"]*)"/.exec(attrs)?.[1] ?? '',
  }));
}

/** A Winsock error number as a reader sees it in prose: 10004-11999 (WSAEINTR to the WSA_QOS codes). */
const winsockNumber = /\b1(?:00[0-9]{2}|10[0-9]{2})\b/;

checks.push({
  id: 'guide-outcomes',
  description:
    'Guides and scenario narratives state a Windows outcome a scenario holds only through <Outcome scenario="..." platform="windows" />: a paragraph or list item that links to a scenario with a Windows outcome must not spell out a Winsock number (100xx) itself. Every <Outcome> names a scenario and a platform it has an outcome for.',
  run(content) {
    const problems: Problem[] = [];
    const bySlug = new Map(content.scenarios.map((s) => [s.slug, s]));
    for (const g of [...content.guides, ...content.scenarios]) {
      for (const block of proseBlocks(g.body)) {
        const number = winsockNumber.exec(block)?.[0];
        if (!number) continue;
        for (const [, slug] of block.matchAll(/\]\(\/scenarios\/([^/)#]+)\/?[^)]*\)/g)) {
          if (!bySlug.get(slug)?.documented.windows) continue;
          problems.push({
            file: g.file,
            field: 'body',
            message: `states a Windows outcome by hand (${number}) next to a link to /scenarios/${slug}/: render it with <Outcome scenario="${slug}" platform="windows" /> (text: "${block.slice(0, 60)}...")`,
          });
          break;
        }
      }
      for (const tag of outcomeTags(g.body)) {
        const s = bySlug.get(tag.scenario);
        const ok = s !== undefined && (tag.platform === 'windows' || tag.platform === 'darwin') && s.documented[tag.platform] !== undefined;
        if (!ok)
          problems.push({
            file: g.file,
            field: 'body',
            message: `<Outcome scenario="${tag.scenario}" platform="${tag.platform}" />: no such outcome (the scenario must exist and document platform windows or darwin)`,
          });
      }
    }
    return problems;
  },
});

checks.push({
  id: 'libuv-windows-map',
  description:
    "content/errors/libuv-windows.yaml (libuv's Windows mapping, the one source of every Winsock and Windows page's Node.js code) names known Winsock errors and cites known sources, and every Windows error's posix field agrees with it.",
  run(content) {
    const file = 'content/errors/libuv-windows.yaml';
    const { map, operations, sameAs, source } = content.libuvWindows;
    const winsock = new Set(content.errors.filter((e) => e.platform === 'winsock').map((e) => e.name));
    const problems: Problem[] = [];
    const unknownWinsock = (name: string, field: string) => {
      if (name.startsWith('WSA') && !winsock.has(name))
        problems.push({ file, field, message: `"${name}" is not a Winsock error in content/errors/winsock.yaml` });
    };
    for (const name of Object.keys(map)) unknownWinsock(name, `map.${name}`);
    for (const name of Object.keys(sameAs)) unknownWinsock(name, `sameAs.${name}`);
    operations.forEach((o, i) => {
      unknownWinsock(o.error, `operations.${i}.error`);
      if (!(o.error in map)) problems.push({ file, field: `operations.${i}.error`, message: `"${o.error}" is not in map` });
    });
    if (Object.keys(map).length > 0)
      problems.push(...unknownSources(content, [source, ...operations.map((o) => o.source)], file, 'source'));
    // A libuv code names a Linux errno or one of its aliases (ENOTSUP is EOPNOTSUPP); EOF and ECHARSET name none.
    const linuxNameOf = (code: string) =>
      content.errors.find((l) => l.platform === 'linux' && (l.name === code || l.aliases.includes(code)))?.name;
    for (const e of content.errors) {
      if (e.platform !== 'windows' || Object.keys(map).length === 0) continue;
      const libuv = map[e.name];
      if (e.posix !== (libuv ? linuxNameOf(libuv) : undefined))
        problems.push({
          file: errorFile('windows'),
          field: `${e.name}.posix`,
          message: libuv
            ? `libuv translates ${e.name} to ${libuv}${linuxNameOf(libuv) ? ` (Linux ${linuxNameOf(libuv)})` : ', which is no Linux errno'} (${file}), so posix must be ${linuxNameOf(libuv) ?? 'left out'}, not ${e.posix ?? 'left out'}`
            : `libuv has no translation for ${e.name} (Node.js reports UNKNOWN): remove posix, or add the case to ${file} if libuv has one`,
        });
    }
    return problems;
  },
});

/** Runs every check (or only the given ones); an empty list means the content is consistent. */
export function checkContent(content: Content, only: readonly Check[] = [...checks, ...translationChecks]): Problem[] {
  return only.flatMap((c) => c.run(content).map((p) => ({ ...p, message: `[${c.id}] ${p.message}` })));
}
