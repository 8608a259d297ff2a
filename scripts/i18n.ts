// Translators' tool.
//   node scripts/i18n.ts check [FILE...]   problems in the translations (all, or only these files)
//   node scripts/i18n.ts stamp FILE...     after review: record the hash of the English each entry translates
//   node scripts/i18n.ts status            what is translated, per locale and kind
// Stamping refuses an entry with structural or glossary problems, so a stamp means "checked".
import { readFileSync, writeFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDocument } from 'yaml';
import { readContent } from '../src/loaders/read-content.ts';
import { translationChecks, translationUnits, type TranslationUnit } from '../src/lib/translation-checks.ts';
import { sourceHashOf } from '../src/lib/translation.ts';
import { formatProblem, ContentError } from '../src/lib/problems.ts';
import { checkContent } from '../src/lib/checks.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const [command = 'check', ...args] = process.argv.slice(2);
const files = new Set(args.map((f) => relative(root, resolve(f))));

let content;
try {
  content = readContent(root);
} catch (err) {
  if (!(err instanceof ContentError)) throw err;
  console.error(err.message);
  process.exit(1);
}
const units = translationUnits(content).filter((u) => files.size === 0 || files.has(u.file));
const problemsOf = (ids: string[]) =>
  checkContent(
    content,
    translationChecks.filter((c) => ids.includes(c.id)),
  ).filter((p) => files.size === 0 || files.has(p.file));

if (command === 'check') {
  const problems = problemsOf(translationChecks.map((c) => c.id));
  for (const p of problems) console.error(formatProblem(p));
  console.log(`${units.length} translated entries checked, ${problems.length} problem(s)`);
  process.exit(problems.length > 0 ? 1 : 0);
} else if (command === 'stamp') {
  if (files.size === 0) throw new Error('name the files to stamp');
  const blocking = problemsOf(['translation-structure', 'translation-glossary']);
  const blocked = (u: TranslationUnit) => blocking.some((p) => p.file === u.file && (u.field === '' || p.field === u.field));
  for (const p of blocking) console.error(formatProblem(p));
  let stamped = 0;
  for (const file of files) {
    const path = resolve(root, file);
    const text = readFileSync(path, 'utf8');
    const mine = units.filter((u) => u.file === file && u.english !== undefined && !blocked(u));
    let next = text;
    if (file.endsWith('.mdx')) {
      const u = mine[0];
      // Quoted: a hash of digits only would otherwise be read as a number.
      if (u) next = text.replace(/^(---\r?\n[\s\S]*?)^sourceHash:.*$/m, `$1sourceHash: "${sourceHashOf(u.english)}"`);
    } else {
      const doc = parseDocument(text);
      for (const u of mine) doc.setIn([u.key, 'sourceHash'], sourceHashOf(u.english));
      next = doc.toString({ lineWidth: 0 });
    }
    if (next !== text) writeFileSync(path, next);
    stamped += mine.length;
  }
  console.log(
    `stamped ${stamped} entr${stamped === 1 ? 'y' : 'ies'}${blocking.length ? `; ${blocking.length} problem(s) above left their entries unstamped` : ''}`,
  );
  process.exit(blocking.length > 0 ? 1 : 0);
} else if (command === 'status') {
  const english = {
    guide: content.guides.length,
    scenario: content.scenarios.length,
    error: content.errors.length,
    counter: Object.keys(content.counters).length,
    note: content.messages.filter((m) => m.note).length,
  };
  for (const locale of Object.keys(content.translations))
    for (const [kind, total] of Object.entries(english))
      console.log(`${locale} ${kind}: ${units.filter((u) => u.locale === locale && u.kind === kind).length}/${total}`);
} else {
  console.error(`unknown command "${command}": check, stamp or status`);
  process.exit(2);
}
