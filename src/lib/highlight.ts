// Shiki options shared by Markdown code blocks and the <Code> component.
import type { ShikiTransformer } from 'shiki';

/**
 * Shiki stops tokenizing a line after 500 ms by default (`tokenizeTimeLimit`) and leaves the rest
 * of it, and the grammar state of the lines after it, unhighlighted. On a loaded machine that made
 * two builds of the same page differ. Astro passes no way to set the option, but a transformer's
 * `preprocess` hook receives the options object the tokenizer then reads; 0 means no limit. Our
 * code blocks are short and ours, so an unbounded tokenizer is safe.
 */
export const noTokenizeTimeLimit: ShikiTransformer = {
  name: 'errno-kb:no-tokenize-time-limit',
  preprocess(code, options) {
    options.tokenizeTimeLimit = 0;
    return code;
  },
};

const languageLabels: Record<string, string> = {
  ts: 'TypeScript',
  typescript: 'TypeScript',
  js: 'JavaScript',
  javascript: 'JavaScript',
  sh: 'Shell',
  bash: 'Shell',
  shell: 'Shell',
  powershell: 'PowerShell',
  python: 'Python',
  py: 'Python',
  c: 'C',
  csharp: 'C#',
  go: 'Go',
  rust: 'Rust',
  java: 'Java',
  nginx: 'nginx',
  ini: 'INI',
  yaml: 'YAML',
  json: 'JSON',
};

/** The name a code block's label shows for a Shiki language id. */
export const languageLabel = (lang: string) =>
  languageLabels[lang.toLowerCase()] ?? (lang === 'plaintext' || lang === 'text' ? 'Text' : lang);

/**
 * Wraps every highlighted block in <figure class="code"> with a label bar (the language) above the
 * code, where the copy button goes (CopyButton.astro), so the button never covers the first line.
 * A source that ends with a newline is marked data-final-newline: copying gives it back whole.
 * `name` replaces the language as the label (a file name).
 */
export const codeFrame = ({ name, finalNewline }: { name?: string; finalNewline?: boolean } = {}): ShikiTransformer => ({
  name: 'errno-kb:code-frame',
  root(root) {
    const label = name ?? languageLabel(this.options.lang ?? 'text');
    // Astro's <Code> trims the source it highlights: the caller says whether the file ends with a newline.
    const newline = finalNewline ?? this.source.endsWith('\n');
    const figure = {
      type: 'element' as const,
      tagName: 'figure',
      properties: { className: ['code'], ...(newline ? { dataFinalNewline: '' } : {}) },
      children: [
        {
          type: 'element' as const,
          tagName: 'figcaption',
          properties: { className: ['code-bar'] },
          children: [{ type: 'text' as const, value: label }],
        },
        ...root.children,
      ],
    };
    return { ...root, children: [figure] } as typeof root;
  },
});
