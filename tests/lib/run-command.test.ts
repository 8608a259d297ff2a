import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runNeeds, SKIP_EXIT_STATUS } from '../../src/lib/run-command.ts';

const root = fileURLToPath(new URL('../../content/', import.meta.url));

describe('runNeeds', () => {
  it('finds a snippet that skips with its own exit status', () => {
    const src = "if (process.getuid() !== 0) {\n  console.log('skipped: needs root');\n  process.exitCode = 77;\n}";
    expect(runNeeds(['root', 'netns'], src)).toEqual({ root: true, skipStatus: 77 });
    expect(runNeeds(['root'], "console.log('skipped'); process.exit(77);")).toEqual({ root: true, skipStatus: 77 });
  });
  it('says nothing of a skip status when the snippet has none, or needs no root', () => {
    expect(runNeeds(['root'], 'console.log("skipped"); return;')).toEqual({ root: true });
    expect(runNeeds([], 'process.exitCode = 77; // skipped')).toEqual({ root: false });
  });
  it('every snippet that prints "skipped: ... needs root" exits with the skip status, never 0', () => {
    for (const file of readdirSync(join(root, 'snippets')).filter((f) => f.endsWith('.ts'))) {
      const src = readFileSync(join(root, 'snippets', file), 'utf8');
      if (!/skipped: this scenario needs root/.test(src)) continue;
      expect(runNeeds(['root'], src).skipStatus, file).toBe(SKIP_EXIT_STATUS);
    }
  });
});
