// Bad content is rejected with a message naming the file and the field; every problem is
// reported, not only the first.
import { describe, expect, it } from 'vitest';
import { readContent } from '../../src/loaders/read-content.ts';
import { ContentError, formatProblem } from '../../src/lib/problems.ts';
import { checkContent } from '../../src/lib/checks.ts';
import { contentTree, validTree } from '../support/content-tree.ts';
import { firstInvalidUtf8 } from '../../src/loaders/read-text.ts';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Problems from reading and cross-checking a tree: what the build would print. */
function problemsOf(changes: Record<string, string | null>): string[] {
  try {
    return checkContent(readContent(contentTree(changes))).map(formatProblem);
  } catch (err) {
    if (err instanceof ContentError) return err.problems.map(formatProblem);
    throw err;
  }
}

describe('readContent', () => {
  it('reads a valid tree into records with their identity', () => {
    const c = readContent(contentTree());
    expect(c.errors.map((e) => `${e.platform}:${e.name}:${e.number}`)).toEqual(['linux:ECONNRESET:104', 'winsock:WSAECONNRESET:10054']);
    expect(c.scenarios[0]).toMatchObject({ slug: 'reset-demo', file: 'content/scenarios/reset-demo.mdx', timeoutMs: 15000, requires: [] });
    expect(c.snippets[0].slug).toBe('reset-demo');
  });

  it.each([
    [
      'a wrong type',
      { 'content/errors/linux.yaml': validTree['content/errors/linux.yaml'].replace('104', '"104"') },
      'content/errors/linux.yaml: ECONNRESET.number:',
    ],
    [
      'an unknown field',
      { 'content/errors/linux.yaml': `${validTree['content/errors/linux.yaml']}  colour: red\n` },
      'content/errors/linux.yaml: ECONNRESET: Unrecognized key: "colour"',
    ],
    [
      'a missing field',
      { 'content/errors/winsock.yaml': validTree['content/errors/winsock.yaml'].replace('  message: Connection reset by peer.\n', '') },
      'content/errors/winsock.yaml: WSAECONNRESET.message:',
    ],
    ['malformed YAML', { 'content/errors/linux.yaml': 'ECONNRESET:\n  number: [104\n' }, 'content/errors/linux.yaml: invalid YAML'],
    [
      'a duplicate code (key)',
      { 'content/errors/linux.yaml': `${validTree['content/errors/linux.yaml']}${validTree['content/errors/linux.yaml']}` },
      'content/errors/linux.yaml: invalid YAML: Map keys must be unique',
    ],
    [
      'a name that is not an error name',
      { 'content/errors/linux.yaml': validTree['content/errors/linux.yaml'].replace('ECONNRESET', 'econnreset') },
      'content/errors/linux.yaml: econnreset.name: must be an upper-case symbolic name',
    ],
    [
      'frontmatter missing',
      { 'content/scenarios/reset-demo.mdx': '# no frontmatter\n' },
      'content/scenarios/reset-demo.mdx: missing frontmatter',
    ],
    [
      'malformed frontmatter',
      { 'content/scenarios/reset-demo.mdx': '---\ntitle: [oops\n---\n' },
      'content/scenarios/reset-demo.mdx: invalid YAML',
    ],
    [
      'an empty expectation',
      {
        'content/scenarios/reset-demo.mdx': validTree['content/scenarios/reset-demo.mdx'].replace(
          'lines: ["client: read failed ECONNRESET (syscall read)"]',
          'lines: []',
        ),
      },
      'content/scenarios/reset-demo.mdx: expect.linux.lines: list at least one line',
    ],
    [
      'a counter bound that is not one',
      {
        'content/scenarios/reset-demo.mdx': validTree['content/scenarios/reset-demo.mdx'].replace(
          '(syscall read)"]\n',
          '(syscall read)"]\n    counters: { Tcp.OutRsts: "> 1" }\n',
        ),
      },
      'content/scenarios/reset-demo.mdx: expect.linux.counters.Tcp.OutRsts: write an exact count (1), ">= 1", "<= 3" or a range "2..5"',
    ],
    [
      'a counter name without its group',
      {
        'content/scenarios/reset-demo.mdx': validTree['content/scenarios/reset-demo.mdx'].replace(
          '(syscall read)"]\n',
          '(syscall read)"]\n    counters: { OutRsts: 1 }\n',
        ),
      },
      'content/scenarios/reset-demo.mdx: expect.linux.counters.OutRsts: Invalid key in record: a counter is named Group.Name',
    ],
    [
      'a message with both error and scenario',
      { 'content/messages/curl.yaml': '- text: "curl: (56) Recv failure"\n  program: curl\n  error: ECONNRESET\n  scenario: reset-demo\n' },
      'content/messages/curl.yaml: 0.error: give exactly one of',
    ],
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
    expect(problemsOf({ 'content/sources/more.yaml': validTree['content/sources/core.yaml'] }).join('\n')).toContain(
      'source "src-a" is already defined',
    );
  });
});

const scenario = validTree['content/scenarios/reset-demo.mdx'];

// A duplicate scenario slug cannot be written as such: the slug is the .mdx file name, and one
// directory cannot hold two files of the same name; kebab-case file names rule out slugs that
// differ only in case.
describe('more content that must be rejected', () => {
  it.each([
    [
      'an unknown field in scenario frontmatter',
      { 'content/scenarios/reset-demo.mdx': scenario.replace('sources: [src-a]', 'sources: [src-a]\ncolour: red') },
      'content/scenarios/reset-demo.mdx: Unrecognized key: "colour"',
    ],
    [
      'an unknown field in a message',
      { 'content/messages/x.yaml': '- text: "read ECONNRESET"\n  program: Node.js\n  error: ECONNRESET\n  colour: red\n' },
      'content/messages/x.yaml: 0: Unrecognized key: "colour"',
    ],
    [
      'an unknown field in a source',
      { 'content/sources/core.yaml': `${validTree['content/sources/core.yaml']}  colour: red\n` },
      'content/sources/core.yaml: src-a: Unrecognized key: "colour"',
    ],
    [
      'an unknown field in guide frontmatter',
      { 'content/guides/ECONNRESET.mdx': '---\nsources: [src-a]\ncolour: red\n---\n' },
      'content/guides/ECONNRESET.mdx: Unrecognized key: "colour"',
    ],
    [
      'a platforms entry defined twice',
      { 'content/errors/platforms.yaml': 'ECONNRESET:\n  darwin: 54\n  sources: [src-a]\nECONNRESET:\n  darwin: 54\n  sources: [src-a]\n' },
      'content/errors/platforms.yaml: invalid YAML: Map keys must be unique',
    ],
    [
      'a snippet file without its scenario',
      { 'content/snippets/orphan.ts': "import net from 'node:net';\n" },
      'content/snippets/orphan.ts: [scenario-references] snippet without a scenario',
    ],
  ])('rejects %s, naming the file', (_label, changes, expected) => {
    expect(problemsOf(changes).join('\n')).toContain(expected);
  });

  it('rejects scenario file names that are not kebab-case (so no two differ only in case) (they collide on case-insensitive file systems)', () => {
    expect(
      problemsOf({ 'content/scenarios/Reset-Demo.mdx': scenario, 'content/snippets/Reset-Demo.ts': "import net from 'node:net';\n" }).join(
        '\n',
      ),
    ).toContain('content/scenarios/Reset-Demo.mdx: file name "Reset-Demo" is not a valid scenario slug');
  });

  it('rejects one error name defined in two platform files (byName would keep only one)', () => {
    const twin = 'ECONNRESET:\n  number: 10099\n  message: Reset.\n  meaning: The peer sent a TCP reset.\n  sources: [src-a]\n';
    expect(problemsOf({ 'content/errors/winsock.yaml': `${validTree['content/errors/winsock.yaml']}${twin}` }).join('\n')).toContain(
      'content/errors/winsock.yaml: ECONNRESET: [unique-names] "ECONNRESET" is already defined in content/errors/linux.yaml',
    );
  });
});

describe('strict UTF-8', () => {
  it.each([
    ['content/errors/linux.yaml', Buffer.from('ECONNRESET:\n  number: 104\n  message: Connection r\xe9set\n', 'latin1'), 49, 3],
    [
      'content/scenarios/reset-demo.mdx',
      Buffer.concat([Buffer.from(validTree['content/scenarios/reset-demo.mdx']), Buffer.from([0xc3, 0x28])]),
      undefined,
      undefined,
    ],
    ['content/snippets/reset-demo.ts', Buffer.from([0x2f, 0x2f, 0x20, 0xe2, 0x82, 0x0a]), 3, 1],
  ])('rejects invalid bytes in %s, naming the file and the byte', (path, bytes, offset, line) => {
    const root = contentTree();
    writeFileSync(join(root, path), bytes);
    const problems = (() => {
      try {
        readContent(root);
        return [];
      } catch (err) {
        if (err instanceof ContentError) return err.problems.map(formatProblem);
        throw err;
      }
    })();
    const at = offset ?? validTree[path].length;
    expect(problems).toContain(
      `${path}: invalid UTF-8 at byte ${at} (line ${line ?? validTree[path].split('\n').length}); save the file as UTF-8`,
    );
  });

  it('accepts a real U+FFFD and finds the bad byte after it', () => {
    const bytes = Buffer.concat([Buffer.from('a\uFFFDb\n'), Buffer.from([0xff])]);
    expect(firstInvalidUtf8(bytes)).toBe(6);
    expect(firstInvalidUtf8(Buffer.from('a\uFFFDb\n'))).toBe(-1);
  });
});
