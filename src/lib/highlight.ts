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
