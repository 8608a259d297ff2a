// Translations are checked against their English source: stale, unstamped, orphaned, broken or
// off-glossary translations fail the content check with the file and field to fix.
import { describe, expect, it } from 'vitest';
import { readContent } from '../../src/loaders/read-content.ts';
import { checkContent } from '../../src/lib/checks.ts';
import { ContentError, formatProblem } from '../../src/lib/problems.ts';
import { englishOf, sourceHashOf } from '../../src/lib/translation.ts';
import { contentTree, validTree } from '../support/content-tree.ts';

const glossary =
  'terms:\n  - { en: reset, zh: 重置, avoid: [复位] }\nheadings:\n  What happens: 发生了什么\n  Why it happens: 原因\n  How to avoid it: 如何避免\n';
const english = readContent(contentTree());
const scenarioHash = sourceHashOf(englishOf.scenario(english.scenarios[0]));
const errorHash = sourceHashOf(englishOf.error(english.errors.find((e) => e.name === 'ECONNRESET')!));
const scenarioZh = (hash: string, body = '## 发生了什么\n\n## 原因\n\n## 如何避免\n') =>
  `---\nsourceHash: "${hash}"\ntitle: 重置演示\nsummary: 服务器重置连接，客户端读到 ECONNRESET。\n---\n\n${body}`;
const errorZh = (hash: string, meaning = '对端发送了 TCP 重置。') =>
  `ECONNRESET:\n  sourceHash: "${hash}"\n  meaning: "${meaning}"\n  returnedBy: ["对端重置了连接。"]\n`;

const problems = (changes: Record<string, string | null>) =>
  checkContent(readContent(contentTree({ 'content/i18n/glossary.zh-cn.yaml': glossary, ...changes }))).map(formatProblem);

describe('translation checks', () => {
  it('pass on fresh, stamped translations that keep the structure', () => {
    expect(
      problems({
        'content/scenarios/zh-cn/reset-demo.mdx': scenarioZh(scenarioHash),
        'content/errors/zh-cn/linux.yaml': errorZh(errorHash),
      }),
    ).toEqual([]);
  });

  it('fail on a translation made from older English, naming the file, the field and both hashes', () => {
    expect(problems({ 'content/errors/zh-cn/linux.yaml': errorZh('0123456789ab') })).toEqual([
      `content/errors/zh-cn/linux.yaml: ECONNRESET: [translation-source] stale: the English changed after this translation (sourceHash 0123456789ab, English now ${errorHash}); update it, then stamp it`,
    ]);
  });

  it('fail on an unstamped translation and on one whose English is gone', () => {
    expect(problems({ 'content/scenarios/zh-cn/reset-demo.mdx': scenarioZh('pending') })).toEqual([
      'content/scenarios/zh-cn/reset-demo.mdx: sourceHash: [translation-source] not stamped: review it, then run `npx node scripts/i18n.ts stamp content/scenarios/zh-cn/reset-demo.mdx`',
    ]);
    expect(problems({ 'content/scenarios/zh-cn/no-such-scenario.mdx': scenarioZh(scenarioHash) })).toEqual([
      'content/scenarios/zh-cn/no-such-scenario.mdx: sourceHash: [translation-source] no English scenario "no-such-scenario" to translate: remove the translation or fix its name',
    ]);
  });

  it('fail on lost structure and on avoided glossary words', () => {
    expect(
      problems({
        'content/scenarios/zh-cn/reset-demo.mdx': scenarioZh(scenarioHash, '## 发生了什么\n\n## 原因\n'),
        'content/errors/zh-cn/linux.yaml': errorZh(errorHash, '对端发送了 TCP 复位。'),
      }),
    ).toEqual([
      'content/scenarios/zh-cn/reset-demo.mdx: body: [translation-structure] 2 level-2 headings where the English has 3',
      'content/errors/zh-cn/linux.yaml: ECONNRESET: [translation-glossary] uses "复位"; the glossary writes "reset" as "重置"',
    ]);
  });

  it('need a glossary once a locale has translations', () => {
    expect(checkContent(readContent(contentTree({ 'content/errors/zh-cn/linux.yaml': errorZh(errorHash) }))).map(formatProblem)).toEqual([
      'content/i18n/glossary.zh-cn.yaml: [translation-glossary] file is missing: the zh-cn translations need a glossary',
    ]);
    expect(checkContent(readContent(contentTree()))).toEqual([]);
  });

  it('reject malformed translation files while reading, naming the file and the field', () => {
    const read = (changes: Record<string, string>) => {
      try {
        readContent(contentTree(changes));
        return [];
      } catch (err) {
        if (!(err instanceof ContentError)) throw err;
        return err.problems.map(formatProblem);
      }
    };
    expect(read({ 'content/errors/zh-cn/linux.yaml': 'ECONNRESET:\n  sourceHash: 12345\n  meaning: "好"\n' })).toEqual([
      expect.stringMatching(/^content\/errors\/zh-cn\/linux\.yaml: ECONNRESET\.sourceHash: /),
      expect.stringMatching(/^content\/errors\/zh-cn\/linux\.yaml: ECONNRESET\.meaning: /),
    ]);
    expect(read({ 'content/scenarios/zh-cn/reset-demo.mdx': '---\ntitle: [unclosed\n---\n' })).toEqual([
      expect.stringMatching(/^content\/scenarios\/zh-cn\/reset-demo\.mdx: invalid YAML: /),
    ]);
    expect(validTree['content/errors/linux.yaml']).toContain('ECONNRESET');
  });
});
