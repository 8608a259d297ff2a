// Bad content is rejected with a message naming the file and the field; every problem is
// reported, not only the first.
import { describe, expect, it } from 'vitest';
import { readContent } from '../../src/loaders/read-content.ts';
import { ContentError, formatProblem } from '../../src/lib/problems.ts';
import { contentTree, validTree } from '../support/content-tree.ts';

function problemsOf(changes: Record<string, string | null>): string[] {
  try {
    readContent(contentTree(changes));
  } catch (err) {
    if (err instanceof ContentError) return err.problems.map(formatProblem);
    throw err;
  }
  return [];
}

describe('readContent', () => {
  it('reads a valid tree into records with their identity', () => {
    const c = readContent(contentTree());
    expect(c.errors.map((e) => `${e.platform}:${e.name}:${e.number}`)).toEqual(['linux:ECONNRESET:104', 'winsock:WSAECONNRESET:10054']);
    expect(c.scenarios[0]).toMatchObject({ slug: 'reset-demo', file: 'content/scenarios/reset-demo.mdx', timeoutMs: 5000, requires: [] });
    expect(c.snippets[0].slug).toBe('reset-demo');
  });

  it.each([
    ['a wrong type', { 'content/errors/linux.yaml': validTree['content/errors/linux.yaml'].replace('104', '"104"') }, 'content/errors/linux.yaml: ECONNRESET.number:'],
    ['an unknown field', { 'content/errors/linux.yaml': `${validTree['content/errors/linux.yaml']}  colour: red\n` }, 'content/errors/linux.yaml: ECONNRESET: Unrecognized key: "colour"'],
    ['a missing field', { 'content/errors/winsock.yaml': validTree['content/errors/winsock.yaml'].replace('  message: Connection reset by peer.\n', '') }, 'content/errors/winsock.yaml: WSAECONNRESET.message:'],
    ['malformed YAML', { 'content/errors/linux.yaml': 'ECONNRESET:\n  number: [104\n' }, 'content/errors/linux.yaml: invalid YAML'],
    ['a duplicate code (key)', { 'content/errors/linux.yaml': `${validTree['content/errors/linux.yaml']}${validTree['content/errors/linux.yaml']}` }, 'content/errors/linux.yaml: invalid YAML: Map keys must be unique'],
    ['a name that is not an error name', { 'content/errors/linux.yaml': validTree['content/errors/linux.yaml'].replace('ECONNRESET', 'econnreset') }, 'content/errors/linux.yaml: econnreset.name: must be an upper-case symbolic name'],
    ['frontmatter missing', { 'content/scenarios/reset-demo.mdx': '# no frontmatter\n' }, 'content/scenarios/reset-demo.mdx: missing frontmatter'],
    ['malformed frontmatter', { 'content/scenarios/reset-demo.mdx': '---\ntitle: [oops\n---\n' }, 'content/scenarios/reset-demo.mdx: invalid YAML'],
    ['an empty expectation', { 'content/scenarios/reset-demo.mdx': validTree['content/scenarios/reset-demo.mdx'].replace('lines: ["client: read failed ECONNRESET (syscall read)"]', 'lines: []') }, 'content/scenarios/reset-demo.mdx: expect.linux.lines: list at least one line'],
    ['a message with both error and scenario', { 'content/messages/curl.yaml': '- text: "curl: (56) Recv failure"\n  program: curl\n  error: ECONNRESET\n  scenario: reset-demo\n' }, 'content/messages/curl.yaml: 0.error: give exactly one of'],
    ['a missing required file', { 'content/errors/winsock.yaml': null }, 'content/errors/winsock.yaml: file is missing'],
  ])('rejects %s, naming file and field', (_label, changes, expected) => {
    expect(problemsOf(changes).join('\n')).toContain(expected);
  });

  it('reports every problem at once', () => {
    const problems = problemsOf({
      'content/errors/linux.yaml': validTree['content/errors/linux.yaml'].replace('104', '-1'),
      'content/scenarios/reset-demo.mdx': '# no frontmatter\n',
    });
    expect(problems).toHaveLength(2);
  });

  it('rejects a source defined in two files', () => {
    expect(problemsOf({ 'content/sources/more.yaml': validTree['content/sources/core.yaml'] }).join('\n')).toContain('source "src-a" is already defined');
  });
});
