import { describe, expect, it } from 'vitest';
import { firstFix, inlineMarkdown } from '../../src/lib/glance.ts';

describe('firstFix', () => {
  it('takes the first list item under "How to fix", joined on one line', () => {
    const body = '## What it means\n\nx\n\n## How to fix\n\n- Stop writing,\n  then close.\n- Second.\n\n## Messages you may see\n';
    expect(firstFix(body)).toBe('Stop writing, then close.');
  });
  it('takes the first paragraph and skips code', () => {
    expect(firstFix('## How to fix\n\n```sh\nls\n```\n\nFind the leak first.\n')).toBe('Find the leak first.');
  });
  it('is undefined without the section', () => {
    expect(firstFix('## Why it happens\n\ntext\n')).toBeUndefined();
  });
});

describe('inlineMarkdown', () => {
  it('renders code, bold and links and escapes the rest', () => {
    expect(inlineMarkdown('**If** `a<b` see [x](/s/) & <i>')).toBe(
      '<strong>If</strong> <code>a&lt;b</code> see <a href="/s/">x</a> &amp; &lt;i&gt;',
    );
  });
  it('keeps Markdown inside code literal', () => {
    expect(inlineMarkdown('`**x**`')).toBe('<code>**x**</code>');
  });
});
