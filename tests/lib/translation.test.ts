import { describe, expect, it } from 'vitest';
import { bodyProblems, glossaryProblems, sourceHashOf, englishOf } from '../../src/lib/translation.ts';
import type { Glossary } from '../../src/schemas/index.ts';

const glossary: Glossary = {
  terms: [
    { en: 'half-close', zh: '半关闭', avoid: ['半闭合'], required: true },
    { en: 'orderly close', zh: '有序关闭', avoid: ['优雅关闭'], required: false },
  ],
  headings: { 'How to fix': '如何解决' },
};

const english = [
  '## How to fix',
  '',
  'Use a half-close: call `shutdown(fd, SHUT_WR)` and see [the scenario](/scenarios/half-close-with-shutdown/).',
  '',
  '```ts',
  'socket.end();',
  '```',
  '',
  '<Outcome scenario="half-close-with-shutdown" platform="windows" />',
].join('\n');
const good = [
  '## 如何解决',
  '',
  '使用半关闭：调用 `shutdown(fd, SHUT_WR)`，参见[这个场景](/scenarios/half-close-with-shutdown/)。',
  '',
  '```ts',
  'socket.end();',
  '```',
  '',
  '<Outcome scenario="half-close-with-shutdown" platform="windows" />',
].join('\n');

describe('bodyProblems', () => {
  it('accepts a translation that keeps links, code, components and the glossary heading', () => {
    expect(bodyProblems(english, good, glossary)).toEqual([]);
  });

  it('names a dropped link, an altered code block or span, a lost component and a heading not in the glossary', () => {
    const bad = good
      .replace('(/scenarios/half-close-with-shutdown/)', '(/scenarios/other/)')
      .replace('socket.end();', 'socket.destroy();')
      .replace('`shutdown(fd, SHUT_WR)`', '`shutdown(fd)`')
      .replace('<Outcome scenario="half-close-with-shutdown" platform="windows" />', '')
      .replace('## 如何解决', '## 解决办法');
    expect(bodyProblems(english, bad, glossary)).toEqual([
      'links missing from the translation: /scenarios/half-close-with-shutdown/',
      'links not in the English: /scenarios/other/',
      'code blocks differ from the English (they must be copied byte for byte)',
      'code spans not in the English: `shutdown(fd)`',
      'component tags (<Outcome ... />) differ from the English',
      'heading "## 解决办法" should be "## 如何解决" (glossary)',
    ]);
  });

  it('flags a paragraph broken between Chinese characters, but not a blank line, a list or a heading', () => {
    expect(bodyProblems('a\n\nb\n- c\n## T', '第一段。\n\n第二段。\n- 列表\n## 标题', { ...glossary, headings: {} })).toEqual([]);
    expect(bodyProblems('a b', '第一段的前半\n后半。', glossary)).toContain(
      'a paragraph is broken over lines between Chinese characters: keep each paragraph on one line',
    );
  });

  it('counts headings', () => {
    expect(bodyProblems('## A\n\n## B', '## 甲', glossary)).toContain('1 level-2 headings where the English has 2');
  });
});

describe('glossaryProblems', () => {
  it('rejects an avoided word in prose, and accepts it in code or quoted text', () => {
    expect(glossaryProblems('orderly close', '这是优雅关闭。', glossary)).toEqual([
      'uses "优雅关闭"; the glossary writes "orderly close" as "有序关闭"',
    ]);
    expect(glossaryProblems('orderly close', '日志写着 `优雅关闭` 和 “优雅关闭”。', glossary)).toEqual([]);
  });

  it('requires a required term where the English uses it', () => {
    expect(glossaryProblems('A half-close keeps reading.', '只关闭写方向。', glossary)).toEqual([
      'the English says "half-close" but the translation never writes "半关闭" (glossary)',
    ]);
    expect(glossaryProblems('A half close keeps reading.', '半关闭之后仍然可以读。', glossary)).toEqual([]);
  });
});

describe('sourceHashOf', () => {
  it('is stable and changes with any English word a translation renders', () => {
    const s = { title: 'T', summary: 'S', segments: [{ from: 'client' as const, what: 'FIN' }], documented: {}, body: 'B' };
    const h = sourceHashOf(englishOf.scenario(s));
    expect(h).toMatch(/^[0-9a-f]{12}$/);
    expect(sourceHashOf(englishOf.scenario({ ...s }))).toBe(h);
    expect(sourceHashOf(englishOf.scenario({ ...s, segments: [{ from: 'client', what: 'RST' }] }))).not.toBe(h);
    expect(sourceHashOf(englishOf.guide({ body: 'B\n' }))).toBe(sourceHashOf(englishOf.guide({ body: 'B' })));
  });
});
