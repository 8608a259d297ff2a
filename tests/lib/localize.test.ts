import { describe, expect, it } from 'vitest';
import { localizeData } from '../../src/lib/localize.ts';
import { realSiteData } from '../support/site-data.ts';
import type { LocaleTranslations } from '../../src/schemas/index.ts';

describe('localizeData', () => {
  const data = realSiteData();
  const first = data.errors[0];
  const scenario = data.scenarios[0];
  const tr: LocaleTranslations = {
    errors: { [first.name]: { sourceHash: 'pending', meaning: '中文含义', file: 'x' } },
    counters: {},
    notes: {},
    scenarios: {
      [scenario.slug]: {
        sourceHash: 'pending',
        title: '中文标题',
        summary: '中文摘要',
        segments: scenario.segments.map(() => ({ what: '报文' })),
        outcomes: {},
        file: 'y',
      },
    },
    guides: [],
  };

  it('puts each translation in place of its English and records what is still English', () => {
    const zh = localizeData(data, tr, ['ECONNRESET']);
    expect(zh.errors[0].meaning).toBe('中文含义');
    expect(zh.errors[0].message).toBe(first.message);
    expect(zh.scenarios[0].title).toBe('中文标题');
    expect(zh.scenarios[0].segments.every((s) => s.what === '报文')).toBe(true);
    expect(zh.untranslated.errors.has(first.name)).toBe(false);
    expect(zh.untranslated.errors.size).toBe(data.errors.length - 1);
    expect(zh.untranslated.guides).toEqual(new Set(['ECONNRESET']));
    // The English data is not changed.
    expect(data.errors[0].meaning).toBe(first.meaning);
  });

  it('leaves English untouched, with nothing untranslated', () => {
    const en = localizeData(data, undefined, ['ECONNRESET']);
    expect(en.errors).toBe(data.errors);
    expect(en.untranslated.errors.size + en.untranslated.scenarios.size + en.untranslated.guides.size).toBe(0);
  });
});
