// Wiring only: which loader feeds which collection, validated by which schema.
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import {
  errorRecordSchema,
  equivalentsSchema,
  libuvWindowsSchema,
  messageSchema,
  sourceSchema,
  scenarioSchema,
  guideSchema,
  counterInfoSchema,
  localeTranslationsSchema,
  guideTranslationSchema,
  scenarioTranslationSchema,
} from './schemas/index.ts';
import { contentLoader } from './loaders/astro-loaders.ts';

const errors = defineCollection({
  loader: contentLoader('errors', (c) => c.errors.map((e) => [e.name, e])),
  schema: errorRecordSchema,
});

const platforms = defineCollection({
  loader: contentLoader('platforms', (c) => Object.entries(c.platforms)),
  schema: equivalentsSchema,
});

const libuv = defineCollection({
  loader: contentLoader('libuv', (c) => [['windows', c.libuvWindows]]),
  schema: libuvWindowsSchema,
});

const messages = defineCollection({
  loader: contentLoader('messages', (c) => c.messages.map(({ file, index, ...m }) => [`${file}#${index}`, m])),
  schema: messageSchema,
});

const sources = defineCollection({
  loader: contentLoader('sources', (c) => Object.entries(c.sources)),
  schema: sourceSchema,
});

const snippets = defineCollection({
  loader: contentLoader('snippets', (c) => c.snippets.map((s) => [s.slug, { source: s.source }])),
  schema: z.strictObject({ source: z.string().min(1) }),
});

const counters = defineCollection({
  loader: contentLoader('counters', (c) => Object.entries(c.counters)),
  schema: counterInfoSchema,
});

const scenarios = defineCollection({
  loader: glob({ pattern: '*.mdx', base: './content/scenarios' }),
  schema: scenarioSchema,
});

const guides = defineCollection({
  // Keep the file name as the id: it is the error's name, spelled as in the headers.
  loader: glob({ pattern: '*.mdx', base: './content/guides', generateId: ({ entry }) => entry.replace(/\.mdx$/, '') }),
  schema: guideSchema,
});

// Translations (content/<kind>/<locale>/): short strings per locale, and the translated bodies,
// each with the id "<locale>/<name>" so a page finds its own.
const translations = defineCollection({
  loader: contentLoader('translations', (c) =>
    Object.entries(c.translations).map(([locale, t]) => [
      locale,
      {
        errors: t.errors,
        counters: t.counters,
        notes: t.notes,
        scenarios: Object.fromEntries(Object.entries(t.scenarios).map(([slug, { body: _body, ...rest }]) => [slug, rest])),
        guides: Object.keys(t.guides),
        glossary: t.glossary,
      },
    ]),
  ),
  schema: localeTranslationsSchema,
});

const byLocale = ({ entry }: { entry: string }) => entry.replace(/\.mdx$/, '');
const guideTranslations = defineCollection({
  loader: glob({ pattern: '*/*.mdx', base: './content/guides', generateId: byLocale }),
  schema: guideTranslationSchema,
});
const scenarioTranslations = defineCollection({
  loader: glob({ pattern: '*/*.mdx', base: './content/scenarios', generateId: byLocale }),
  schema: scenarioTranslationSchema,
});

export const collections = {
  errors,
  platforms,
  libuv,
  messages,
  sources,
  snippets,
  counters,
  scenarios,
  guides,
  translations,
  guideTranslations,
  scenarioTranslations,
};
