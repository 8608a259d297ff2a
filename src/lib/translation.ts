// What a translation is checked against: the hash of the English it was made from, and the
// parts of the English that must survive translation unchanged (links, code, components).
// Pure apart from hashing.
import { createHash } from 'node:crypto';
import type { Glossary } from '../schemas/translation.ts';
import type { Scenario, Guide } from '../schemas/content.ts';
import type { ErrorRecord } from '../schemas/error.ts';

const hash12 = (value: unknown) =>
  createHash('sha256')
    .update(typeof value === 'string' ? value : JSON.stringify(value))
    .digest('hex')
    .slice(0, 12);

/** The English words a translation of each kind renders; a change to any of them makes it stale. */
export const englishOf = {
  guide: (g: Pick<Guide, 'body'>) => g.body.trim(),
  scenario: (s: Pick<Scenario, 'title' | 'summary' | 'segments' | 'documented' | 'body'>) => ({
    title: s.title,
    summary: s.summary,
    segments: s.segments.map(({ what, note }) => ({ what, note })),
    outcomes: Object.fromEntries(Object.entries(s.documented).map(([platform, d]) => [platform, d?.outcome])),
    body: s.body.trim(),
  }),
  error: (e: ErrorRecord) => ({
    meaning: e.meaning,
    description: 'description' in e ? e.description : undefined,
    returnedBy: e.platform === 'linux' ? (e.returnedBy ?? []).map((r) => r.when) : undefined,
  }),
  text: (s: string) => s,
};

/** The hash a translation of `english` must carry in `sourceHash`. */
export const sourceHashOf = (english: unknown): string => hash12(english);

const fenced = /```[\s\S]*?```/g;

/** Fenced code blocks, in order. */
export const codeBlocks = (body: string) => body.match(fenced) ?? [];
/** Inline code spans outside fenced blocks. */
export const codeSpans = (body: string) => [...body.replace(fenced, '').matchAll(/`([^`\n]+)`/g)].map((m) => m[1]);
/** Markdown link targets (`](...)`), in order of first appearance, without duplicates. */
export const linkTargets = (body: string) => [...new Set([...body.replace(fenced, '').matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]))];
/** MDX component tags (`<Outcome ... />`), as written. */
export const componentTags = (body: string) => body.replace(fenced, '').match(/<[A-Z][A-Za-z]*\b[^>]*\/>/g) ?? [];
/** Level-2 headings, in order. */
export const h2s = (body: string) => [...body.replace(fenced, '').matchAll(/^## +(.+?)\s*$/gm)].map((m) => m[1]);

/** Prose only: without code blocks, code spans, component tags, link targets and quoted English. */
export function proseOf(text: string): string {
  return text
    .replace(fenced, ' ')
    .replace(/`[^`\n]*`/g, ' ')
    .replace(/<[A-Z][^>]*\/>/g, ' ')
    .replace(/\]\([^)\s]+\)/g, ']')
    .replace(/"[^"\n]*"|“[^”\n]*”|<q>[\s\S]*?<\/q>/g, ' ');
}

const cjk = '\\p{Script=Han}';
/** A line break between two Chinese characters: it renders as a stray space. */
const hardWrap = new RegExp(`${cjk}\\n(?![ \\t]*(?:[-*] |#|\\d+\\. |\\||\\n))[ \\t]*${cjk}`, 'u');

/** What is wrong with a translated Markdown body compared with its English source. */
export function bodyProblems(english: string, translated: string, glossary: Glossary): string[] {
  const problems: string[] = [];
  const missingLinks = linkTargets(english).filter((l) => !linkTargets(translated).includes(l));
  const extraLinks = linkTargets(translated).filter((l) => !linkTargets(english).includes(l));
  if (missingLinks.length) problems.push(`links missing from the translation: ${missingLinks.join(', ')}`);
  if (extraLinks.length) problems.push(`links not in the English: ${extraLinks.join(', ')}`);
  const enBlocks = codeBlocks(english);
  const zhBlocks = codeBlocks(translated);
  if (enBlocks.length !== zhBlocks.length || enBlocks.some((b, i) => b !== zhBlocks[i]))
    problems.push('code blocks differ from the English (they must be copied byte for byte)');
  const enSpans = new Set(codeSpans(english));
  const altered = codeSpans(translated).filter((s) => !enSpans.has(s));
  if (altered.length) problems.push(`code spans not in the English: ${altered.map((s) => `\`${s}\``).join(', ')}`);
  const enTags = componentTags(english);
  const zhTags = componentTags(translated);
  if (enTags.join('\n') !== zhTags.join('\n')) problems.push('component tags (<Outcome ... />) differ from the English');
  const enHeadings = h2s(english);
  const zhHeadings = h2s(translated);
  if (enHeadings.length !== zhHeadings.length)
    problems.push(`${zhHeadings.length} level-2 headings where the English has ${enHeadings.length}`);
  else
    enHeadings.forEach((h, i) => {
      const fixed = glossary.headings[h];
      if (fixed && zhHeadings[i] !== fixed) problems.push(`heading "## ${zhHeadings[i]}" should be "## ${fixed}" (glossary)`);
    });
  if (hardWrap.test(translated.replace(fenced, '')))
    problems.push('a paragraph is broken over lines between Chinese characters: keep each paragraph on one line');
  return problems;
}

/** Glossary problems in a translated text, given the English it translates. */
export function glossaryProblems(english: string, translated: string, glossary: Glossary): string[] {
  const prose = proseOf(translated);
  const enProse = proseOf(english).toLowerCase();
  const problems: string[] = [];
  for (const term of glossary.terms) {
    // An avoided word inside the right term (半关 in 半关闭) is the right term.
    const used = term.avoid.filter((word) => prose.replaceAll(term.zh, ' ').includes(word));
    if (used.length) problems.push(`uses ${used.map((w) => `"${w}"`).join(', ')}; the glossary writes "${term.en}" as "${term.zh}"`);
    if (term.required && new RegExp(`\\b${term.en.replace(/[-]/g, '[- ]?')}\\b`, 'i').test(enProse) && !translated.includes(term.zh))
      problems.push(`the English says "${term.en}" but the translation never writes "${term.zh}" (glossary)`);
  }
  return problems;
}
