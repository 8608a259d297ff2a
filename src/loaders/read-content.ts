// Reads everything under content/, validates it with the schemas and returns plain records.
// Node-only: used by the Astro loaders and by the build scripts, never by the browser.
import { readdirSync, existsSync } from 'node:fs';
import { join, relative, basename } from 'node:path';
import { parseDocument } from 'yaml';
import type { z } from 'astro/zod';
import {
  errorRecordSchema,
  errorName,
  slug,
  linuxErrorSchema,
  winsockErrorSchema,
  windowsErrorSchema,
  resolverErrorSchema,
  sourceSchema,
  equivalentsSchema,
  libuvWindowsSchema,
  messageFileSchema,
  scenarioSchema,
  guideSchema,
  counterInfoSchema,
  guideTranslationSchema,
  scenarioTranslationSchema,
  errorTranslationSchema,
  counterTranslationSchema,
  noteTranslationSchema,
  glossarySchema,
  type ErrorRecord,
  type ErrorPlatform,
  type Source,
} from '../schemas/index.ts';
import { ContentError, problemsFromIssues, type Problem } from '../lib/problems.ts';
import { InvalidUtf8Error, readText } from './read-text.ts';
import type { Content, LocatedMessage, Scenario, Guide, Snippet, Translations } from '../schemas/content.ts';
import { translatedLocales } from '../i18n/locales.ts';

export type { Content };

/** Collects problems while reading, so one bad file does not hide the next. */
class Reader {
  readonly problems: Problem[] = [];
  readonly root: string;
  constructor(root: string) {
    this.root = root;
  }

  rel(path: string): string {
    return relative(this.root, path) || path;
  }

  /** The file's text, or undefined with a problem when it is not valid UTF-8. */
  text(path: string): string | undefined {
    try {
      return readText(path, this.rel(path));
    } catch (err) {
      if (!(err instanceof InvalidUtf8Error)) throw err;
      this.problems.push({
        file: err.file,
        field: '',
        message: `invalid UTF-8 at byte ${err.offset} (line ${err.line}); save the file as UTF-8`,
      });
      return undefined;
    }
  }

  /** Parses YAML text; duplicate keys and syntax errors become problems with line numbers. */
  yaml(file: string, text: string): unknown {
    const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: true });
    if (doc.errors.length > 0) {
      for (const e of doc.errors) this.problems.push({ file, field: '', message: `invalid YAML: ${e.message.split('\n')[0]}` });
      return undefined;
    }
    return doc.toJS();
  }

  yamlFile(path: string, required = true): unknown {
    if (!existsSync(path)) {
      if (required) this.problems.push({ file: this.rel(path), field: '', message: 'file is missing' });
      return undefined;
    }
    const text = this.text(path);
    return text === undefined ? undefined : this.yaml(this.rel(path), text);
  }

  validate<S extends z.ZodType>(schema: S, data: unknown, file: string, key = ''): z.infer<S> | undefined {
    const result = schema.safeParse(data);
    if (result.success) return result.data;
    this.problems.push(...problemsFromIssues(file, key, result.error.issues));
    return undefined;
  }

  /** A YAML file holding a map from key to record. */
  keyedFile<S extends z.ZodType>(path: string, schema: S, required = true): Record<string, z.infer<S>> {
    const data = this.yamlFile(path, required);
    if (data === undefined) return {};
    const file = this.rel(path);
    if (data === null || typeof data !== 'object' || Array.isArray(data)) {
      this.problems.push({ file, field: '', message: 'expected a map from name to record' });
      return {};
    }
    const out: Record<string, z.infer<S>> = {};
    for (const [key, value] of Object.entries(data)) {
      const parsed = this.validate(schema, value, file, key);
      if (parsed !== undefined) out[key] = parsed;
    }
    return out;
  }

  /** Splits `---\nfrontmatter\n---\nbody` and validates the frontmatter. */
  frontmatterFile<S extends z.ZodType>(path: string, schema: S): { data: z.infer<S>; body: string } | undefined {
    const file = this.rel(path);
    const text = this.text(path);
    if (text === undefined) return undefined;
    const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(text);
    if (!match) {
      this.problems.push({ file, field: '', message: 'missing frontmatter: the file must start with a --- block' });
      return undefined;
    }
    const raw = this.yaml(file, match[1]);
    if (raw === undefined) return undefined;
    const data = this.validate(schema, raw, file);
    return data === undefined ? undefined : { data, body: match[2] };
  }

  list(dir: string, ext: string): string[] {
    if (!existsSync(dir)) return [];
    return readdirSync(dir)
      .filter((f) => f.endsWith(ext))
      .sort()
      .map((f) => join(dir, f));
  }
}

const errorFiles: Record<ErrorPlatform, z.ZodType> = {
  linux: linuxErrorSchema,
  winsock: winsockErrorSchema,
  windows: windowsErrorSchema,
  resolver: resolverErrorSchema,
};

/**
 * Reads and validates all content below `root` (the repository root). Throws a ContentError
 * listing every problem (schema, YAML syntax, duplicate keys) when anything is wrong.
 * Cross-references are checked separately by `checkContent` (src/lib/checks.ts).
 */
export function readContent(root: string): Content {
  const r = new Reader(root);
  const dir = (...p: string[]) => join(root, 'content', ...p);

  const errors: ErrorRecord[] = [];
  for (const [platform, schema] of Object.entries(errorFiles)) {
    const records = r.keyedFile(dir('errors', `${platform}.yaml`), schema, platform === 'linux' || platform === 'winsock');
    for (const [name, data] of Object.entries(records)) {
      const parsed = r.validate(errorRecordSchema, { ...(data as object), platform, name }, r.rel(dir('errors', `${platform}.yaml`)), name);
      if (parsed) errors.push(parsed);
    }
  }
  // Citations may be split over several files (one per topic); a key defined twice is a problem.
  const sources: Record<string, Source> = {};
  for (const path of r.list(dir('sources'), '.yaml')) {
    for (const [key, source] of Object.entries(r.keyedFile(path, sourceSchema))) {
      if (key in sources)
        r.problems.push({
          file: r.rel(path),
          field: key,
          message: `source "${key}" is already defined in another content/sources/*.yaml file`,
        });
      else sources[key] = source;
    }
  }
  const platforms = r.keyedFile(dir('errors', 'platforms.yaml'), equivalentsSchema, false);
  const libuvPath = dir('errors', 'libuv-windows.yaml');
  const libuvRaw = r.yamlFile(libuvPath, false);
  const libuvWindows = (libuvRaw === undefined ? undefined : r.validate(libuvWindowsSchema, libuvRaw, r.rel(libuvPath))) ?? {
    source: 'libuv-win-error',
    commit: '0'.repeat(40),
    map: {},
    operations: [],
    sameAs: {},
  };

  const messages: LocatedMessage[] = [];
  for (const path of r.list(dir('messages'), '.yaml')) {
    const file = r.rel(path);
    const list = r.validate(messageFileSchema, r.yamlFile(path), file);
    list?.forEach((m, index) => messages.push({ ...m, file, index }));
  }

  // A slug is the file name; it must be kebab-case so that two slugs never differ only in case.
  const named = (path: string, ext: string, schema: z.ZodType, what: string) => {
    const name = basename(path, ext);
    const ok = schema.safeParse(name).success;
    if (!ok) r.problems.push({ file: r.rel(path), field: '', message: `file name "${name}" is not a valid ${what}` });
    return ok;
  };

  const scenarios: Scenario[] = [];
  for (const path of r
    .list(dir('scenarios'), '.mdx')
    .filter((p) => named(p, '.mdx', slug, 'scenario slug (kebab-case, e.g. rst-on-close-with-unread-data)'))) {
    const parsed = r.frontmatterFile(path, scenarioSchema);
    if (parsed) scenarios.push({ ...parsed.data, slug: basename(path, '.mdx'), file: r.rel(path), body: parsed.body });
  }

  const guides: Guide[] = [];
  for (const path of r.list(dir('guides'), '.mdx').filter((p) => named(p, '.mdx', errorName, 'error name (e.g. ECONNRESET)'))) {
    const parsed = r.frontmatterFile(path, guideSchema);
    if (parsed) guides.push({ ...parsed.data, error: basename(path, '.mdx'), file: r.rel(path), body: parsed.body });
  }

  const snippets: Snippet[] = r
    .list(dir('snippets'), '.ts')
    .filter((p) => named(p, '.ts', slug, 'scenario slug (kebab-case)'))
    .flatMap((path) => {
      const source = r.text(path);
      return source === undefined ? [] : [{ slug: basename(path, '.ts'), file: r.rel(path), source }];
    });

  const counters = r.keyedFile(join(root, 'content', 'counters.yaml'), counterInfoSchema, false);

  const translations = Object.fromEntries(translatedLocales.map((locale) => [locale, readTranslations(r, root, locale)]));

  if (r.problems.length > 0) throw new ContentError(r.problems);
  return { root, errors, sources, platforms, libuvWindows, messages, scenarios, guides, snippets, counters, translations };
}

/** One locale's translations: content/<kind>/<locale>/ beside each English source, and its glossary. */
function readTranslations(r: Reader, root: string, locale: string): Translations {
  const dir = (...p: string[]) => join(root, 'content', ...p);
  const located = <T extends object>(path: string, records: Record<string, T>) =>
    Object.fromEntries(Object.entries(records).map(([key, value]) => [key, { ...value, file: r.rel(path) }]));
  const prose = <S extends z.ZodType>(
    kind: 'guides' | 'scenarios',
    schema: S,
  ): Record<string, z.infer<S> & { body: string; file: string }> =>
    Object.fromEntries(
      r.list(dir(kind, locale), '.mdx').flatMap((path) => {
        const parsed = r.frontmatterFile(path, schema);
        return parsed
          ? [[basename(path, '.mdx'), Object.assign({}, parsed.data as z.infer<S> & object, { body: parsed.body, file: r.rel(path) })]]
          : [];
      }),
    );
  const keyed = <S extends z.ZodType>(paths: string[], schema: S) =>
    Object.assign({}, ...paths.map((path) => located(path, r.keyedFile(path, schema) as Record<string, object>)));
  const glossaryPath = dir('i18n', `glossary.${locale}.yaml`);
  // A locale without translations needs no glossary; one with translations does (translation-glossary says so).
  const glossaryRaw = r.yamlFile(glossaryPath, false);
  return {
    glossary: glossaryRaw === undefined ? undefined : r.validate(glossarySchema, glossaryRaw, r.rel(glossaryPath)),
    guides: prose('guides', guideTranslationSchema),
    scenarios: prose('scenarios', scenarioTranslationSchema),
    errors: keyed(r.list(dir('errors', locale), '.yaml'), errorTranslationSchema),
    counters: keyed(r.list(dir(locale), 'counters.yaml'), counterTranslationSchema),
    notes: keyed(r.list(dir('messages', locale), '.yaml'), noteTranslationSchema),
  };
}
