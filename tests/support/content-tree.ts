// Builds small content/ trees in a temp dir, so loader and check tests state their input.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** A minimal valid tree: one Linux error, its Winsock twin, one scenario with its snippet. */
export const validTree: Record<string, string> = {
  'content/sources/core.yaml': 'src-a:\n  title: A source\n  url: https://example.com/a\n',
  'content/errors/linux.yaml':
    'ECONNRESET:\n  number: 104\n  message: Connection reset by peer\n  meaning: The peer sent a TCP reset.\n  sources: [src-a]\n  returnedBy:\n    - calls: [recv(2)]\n      when: the peer reset the connection.\n      sources: [src-a]\n',
  'content/errors/winsock.yaml':
    'WSAECONNRESET:\n  number: 10054\n  message: Connection reset by peer.\n  meaning: The peer sent a TCP reset.\n  posix: ECONNRESET\n  sources: [src-a]\n',
  'content/scenarios/reset-demo.mdx':
    '---\ntitle: Reset demo\nsummary: A server resets the connection and the client reads ECONNRESET.\nerrors: [ECONNRESET]\nexpect:\n  linux:\n    lines: ["client: read failed ECONNRESET (syscall read)"]\nsources: [src-a]\n---\n\n## What happens\n\n## Why it happens\n\n## How to avoid it\n',
  'content/snippets/reset-demo.ts': "import net from 'node:net';\n",
};

// All trees of one test process live under one folder, removed when the process exits.
const base = mkdtempSync(join(tmpdir(), 'errno-kb-content-'));
process.on('exit', () => rmSync(base, { recursive: true, force: true }));

/** Writes `validTree` with `changes` applied (a null value deletes the file) and returns the root. */
export function contentTree(changes: Record<string, string | null> = {}): string {
  const root = mkdtempSync(join(base, 'tree-'));
  const files = { ...validTree, ...changes };
  for (const [path, text] of Object.entries(files)) {
    if (text === null) continue;
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}
