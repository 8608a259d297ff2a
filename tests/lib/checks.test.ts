// Each cross-reference check: the valid tree passes, and a tree breaking the rule fails with
// the check's id and the file and field to fix.
import { describe, expect, it } from 'vitest';
import { readContent } from '../../src/loaders/read-content.ts';
import { checkContent, checks } from '../../src/lib/checks.ts';
import { formatProblem } from '../../src/lib/problems.ts';
import { contentTree, validTree } from '../support/content-tree.ts';

const problems = (changes: Record<string, string | null>) => checkContent(readContent(contentTree(changes))).map(formatProblem);
/** Problems of one check only. */
const problemsOf = (id: string, changes: Record<string, string | null>) => problems(changes).filter((p) => p.includes(`[${id}]`));
const linux = validTree['content/errors/linux.yaml'];
const scenario = validTree['content/scenarios/reset-demo.mdx'];

const withWindowsOutcome = scenario.replace(
  'sources: [src-a]\n---',
  'documented:\n  windows:\n    level: documented\n    outcome: recv() fails with WSAECONNRESET (10054).\n    sources: [src-a]\n    quote: [{ source: src-a, text: "The virtual circuit was reset." }]\nsources: [src-a]\n---',
);

const failing: Record<string, [Record<string, string | null>, string]> = {
  'unique-numbers': [
    {
      'content/errors/linux.yaml': `${linux}EPIPE:\n  number: 104\n  message: Broken pipe\n  meaning: The reader has gone away.\n  sources: [src-a]\n`,
    },
    'content/errors/linux.yaml: EPIPE.number: [unique-numbers] number 104 is already used by ECONNRESET',
  ],
  'unique-names': [
    { 'content/errors/linux.yaml': linux.replace('  sources', '  aliases: [ECONNRESET]\n  sources') },
    'content/errors/linux.yaml: ECONNRESET.aliases.0: [unique-names] alias "ECONNRESET" is already taken',
  ],
  'error-references': [
    { 'content/scenarios/reset-demo.mdx': scenario.replace('errors: [ECONNRESET]', 'errors: [ECONNRESETT]') },
    'content/scenarios/reset-demo.mdx: errors.0: [error-references] unknown error "ECONNRESETT"',
  ],
  'scenario-references': [
    { 'content/snippets/reset-demo.ts': null },
    'content/scenarios/reset-demo.mdx: [scenario-references] missing snippet: create content/snippets/reset-demo.ts',
  ],
  'source-references': [
    { 'content/errors/linux.yaml': linux.replace('[src-a]', '[src-b]') },
    'content/errors/linux.yaml: ECONNRESET.sources.0: [source-references] unknown source "src-b"',
  ],
  'prose-sections': [
    {
      'content/scenarios/reset-demo.mdx': scenario.replace('## What happens\n', '## How to avoid it\n## What happens\n## Why it happens\n'),
    },
    'content/scenarios/reset-demo.mdx: body: [prose-sections] sections must come in this order',
  ],
  'prose-links': [
    {
      'content/scenarios/reset-demo.mdx': `${scenario}\nSee [the other one](/scenarios/no-such-thing/) and [reset](/linux/econnreset/).\n`,
    },
    'content/scenarios/reset-demo.mdx: body: [prose-links] link to /scenarios/no-such-thing/ goes nowhere',
  ],
  'counter-references': [
    {
      'content/scenarios/reset-demo.mdx': scenario
        .replace(
          'errors: [ECONNRESET]\n',
          'errors: [ECONNRESET]\nsegments:\n  - { from: server, what: RST, counter: TcpExt.TCPAbortOnClose }\n',
        )
        .replace('(syscall read)"]\n', '(syscall read)"]\n    counters: { Tcp.OutRsts: 1 }\n'),
    },
    'content/scenarios/reset-demo.mdx: expect.linux.counters.Tcp.OutRsts: [counter-references] unknown counter "Tcp.OutRsts": explain what it counts in content/counters.yaml',
  ],
  'linux-explained': [
    { 'content/errors/linux.yaml': linux.replace(/ {2}returnedBy:[\s\S]*$/, '') },
    'content/errors/linux.yaml: ECONNRESET: [linux-explained] ECONNRESET has neither a guide nor returnedBy',
  ],
  'outcome-quotes': [
    {
      'content/scenarios/reset-demo.mdx': scenario.replace(
        'sources: [src-a]\n---',
        'documented:\n  windows:\n    level: documented\n    outcome: recv() fails with WSAECONNRESET (10054).\n    sources: [src-a]\n    quote: [{ source: src-b, text: "The virtual circuit was reset." }]\nsources: [src-a]\n---',
      ),
    },
    'content/scenarios/reset-demo.mdx: documented.windows.quote.0.source: [outcome-quotes] quotes "src-b", which this outcome does not cite',
  ],
  'guide-outcomes': [
    {
      'content/scenarios/reset-demo.mdx': withWindowsOutcome,
      'content/guides/ECONNRESET.mdx': `---\nsources: [src-a]\n---\n\n- On Windows the read fails with 10054 instead ([reset demo](/scenarios/reset-demo/)).\n`,
    },
    'content/guides/ECONNRESET.mdx: body: [guide-outcomes] states a Windows outcome by hand (10054) next to a link to /scenarios/reset-demo/',
  ],
  'libuv-windows-map': [
    {
      'content/errors/libuv-windows.yaml': `source: src-a\ncommit: ${'a'.repeat(40)}\nmap:\n  WSAECONNRESET: ECONNRESET\n  WSAECONNRESETT: ECONNRESET\n`,
    },
    'content/errors/libuv-windows.yaml: map.WSAECONNRESETT: [libuv-windows-map] "WSAECONNRESETT" is not a Winsock error',
  ],
  'documented-owner': [
    {
      'content/scenarios/reset-demo.mdx': withWindowsOutcome,
    },
    'content/scenarios/reset-demo.mdx: documented.windows.quote.0.source: [documented-owner] "src-a" (A source) is not the platform\'s owner',
  ],
  'snippet-imports': [
    { 'content/snippets/reset-demo.ts': "import express from 'express';\n" },
    'content/snippets/reset-demo.ts: import: [snippet-imports] imports "express"',
  ],
};

describe('content checks', () => {
  it('pass on a valid tree', () => {
    expect(problems({})).toEqual([]);
  });

  it('each have a failing case here', () => {
    expect(Object.keys(failing).sort()).toEqual(checks.map((c) => c.id).sort());
  });

  it.each(Object.entries(failing))('%s fails with a located message', (_id, [changes, expected]) => {
    expect(problems(changes).join('\n')).toContain(expected);
  });

  it('rejects a documented outcome without a quote, and one without any source', () => {
    const withOutcome = (outcome: string) =>
      contentTree({
        'content/scenarios/reset-demo.mdx': scenario.replace(
          'sources: [src-a]\n---',
          `documented:\n  windows:\n${outcome}sources: [src-a]\n---`,
        ),
      });
    const noQuote = '    level: documented\n    outcome: recv() fails with WSAECONNRESET (10054).\n    sources: [src-a]\n';
    expect(() => readContent(withOutcome(noQuote))).toThrow(/documented\.windows\.quote: a documented outcome quotes the sentence/);
    const noSource = '    level: reported\n    outcome: recv() fails with WSAECONNABORTED (10053).\n';
    expect(() => readContent(withOutcome(noSource))).toThrow(/documented\.windows\.sources/);
    const reported = '    level: reported\n    outcome: recv() fails with WSAECONNABORTED (10053).\n    sources: [src-a]\n';
    expect(
      problems({
        'content/scenarios/reset-demo.mdx': scenario.replace(
          'sources: [src-a]\n---',
          `documented:\n  windows:\n${reported}sources: [src-a]\n---`,
        ),
      }),
    ).toEqual([]);
  });

  it('lets a guide render a Windows outcome through <Outcome>, and checks what the tag names', () => {
    const guide = (body: string) => ({
      'content/scenarios/reset-demo.mdx': withWindowsOutcome,
      'content/guides/ECONNRESET.mdx': `---\nsources: [src-a]\n---\n\n${body}\n`,
    });
    expect(
      problemsOf(
        'guide-outcomes',
        guide('- On Windows ([reset demo](/scenarios/reset-demo/)):\n\n  <Outcome scenario="reset-demo" platform="windows" />'),
      ),
    ).toEqual([]);
    expect(
      problemsOf('guide-outcomes', guide('Windows prints 10054 as "connection reset".\n\nSee [reset demo](/scenarios/reset-demo/).')),
    ).toEqual([]);
    const other = `---\ntitle: Other demo\nsummary: Another scenario that mentions the reset demo in its prose.\nerrors: [ECONNRESET]\nexpect:\n  linux:\n    lines: ["x"]\nsources: [src-a]\n---\n\n## What happens\n\nOn Windows the peer gets 10054, as in [reset demo](/scenarios/reset-demo/).\n\n## Why it happens\n\n## How to avoid it\n`;
    expect(
      problemsOf('guide-outcomes', {
        'content/scenarios/reset-demo.mdx': withWindowsOutcome,
        'content/scenarios/other-demo.mdx': other,
        'content/snippets/other-demo.ts': "import net from 'node:net';\n",
      }).join('\n'),
    ).toContain('content/scenarios/other-demo.mdx: body: [guide-outcomes] states a Windows outcome by hand (10054)');
    expect(problemsOf('guide-outcomes', guide('<Outcome scenario="reset-demo" platform="darwin" />')).join('\n')).toContain(
      '[guide-outcomes] <Outcome scenario="reset-demo" platform="darwin" />: no such outcome',
    );
  });

  it('rejects an "On the wire" row citing a counter the run does not check', () => {
    const found = problems({
      'content/scenarios/reset-demo.mdx': scenario.replace(
        'errors: [ECONNRESET]\n',
        'errors: [ECONNRESET]\nsegments:\n  - { from: server, what: RST, counter: TcpExt.TCPAbortOnClose }\n',
      ),
    }).join('\n');
    expect(found).toContain(
      'content/scenarios/reset-demo.mdx: segments.0.counter: [counter-references] "TcpExt.TCPAbortOnClose" proves this row only if the run checks it',
    );
  });

  it('catches more broken references: related errors, posix mappings, guides, messages, returnedBy sources', () => {
    const found = problems({
      'content/errors/winsock.yaml': validTree['content/errors/winsock.yaml'].replace('posix: ECONNRESET', 'posix: ECONNRESETX'),
      'content/guides/ENOSUCH.mdx': '---\nsources: [src-a]\n---\n',
      'content/messages/x.yaml': '- text: "read ECONNRESET"\n  program: Node.js\n  scenario: no-such-scenario\n',
      'content/errors/linux.yaml': linux.replace('      sources: [src-a]', '      sources: [src-c]'),
    }).join('\n');
    expect(found).toContain('ECONNRESET.returnedBy.0.sources.0: [source-references] unknown source "src-c"');
    expect(found).toContain('WSAECONNRESET.posix: [error-references] unknown error "ECONNRESETX"');
    expect(found).toContain('content/guides/ENOSUCH.mdx: [error-references] guide for unknown error "ENOSUCH"');
    expect(found).toContain('content/messages/x.yaml: 0.scenario: [scenario-references] unknown scenario "no-such-scenario"');
  });
});
