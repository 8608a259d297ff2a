// Translations of the English content, one set per locale, beside their source in content/
// (content/guides/zh-cn/, content/scenarios/zh-cn/, content/errors/zh-cn/, ...). Each names the
// hash of the English it was made from, so a check can tell when the English moved on.
import { z } from 'astro/zod';

/** The hash of the English source (src/lib/translation.ts), or `pending` until a reviewer stamps it. */
export const sourceHash = z.union([z.literal('pending'), z.string().regex(/^[0-9a-f]{12}$/, 'a 12-digit hex hash or "pending"')]);

export const guideTranslationSchema = z.strictObject({ sourceHash });

export const scenarioTranslationSchema = z.strictObject({
  sourceHash,
  title: z.string().min(2),
  summary: z.string().min(5),
  /** The English `segments`, same count and order: only the words a reader sees. */
  segments: z.array(z.strictObject({ what: z.string().min(1), note: z.string().min(1).optional() })).default([]),
  /** The English `documented.<platform>.outcome`, per platform. */
  outcomes: z.record(z.string(), z.string().min(1)).default({}),
});

export const errorTranslationSchema = z.strictObject({
  sourceHash,
  meaning: z.string().min(2),
  description: z.string().min(2).optional(),
  /** The English `returnedBy[].when`, same count and order. */
  returnedBy: z.array(z.string().min(2)).optional(),
});

export const counterTranslationSchema = z.strictObject({ sourceHash, meaning: z.string().min(2) });

export const noteTranslationSchema = z.strictObject({ sourceHash, note: z.string().min(2) });

const glossaryTerm = z.strictObject({
  en: z.string().min(1),
  zh: z.string().min(1),
  avoid: z.array(z.string().min(1)).default([]),
  required: z.boolean().default(false),
  note: z.string().optional(),
});

/** content/i18n/glossary.<locale>.yaml: one rendering per term, and the fixed section headings. */
export const glossarySchema = z.strictObject({
  terms: z.array(glossaryTerm).min(1),
  headings: z.record(z.string(), z.string().min(1)),
});

export type GlossaryTerm = z.infer<typeof glossaryTerm>;
export type Glossary = z.infer<typeof glossarySchema>;
export type GuideTranslationData = z.infer<typeof guideTranslationSchema>;
export type ScenarioTranslationData = z.infer<typeof scenarioTranslationSchema>;
export type ErrorTranslationData = z.infer<typeof errorTranslationSchema>;

const located = { file: z.string() };
/** One locale's short translations as the site loads them (bodies are rendered from their MDX files). */
export const localeTranslationsSchema = z.strictObject({
  errors: z.record(z.string(), errorTranslationSchema.extend(located)),
  counters: z.record(z.string(), counterTranslationSchema.extend(located)),
  notes: z.record(z.string(), noteTranslationSchema.extend(located)),
  scenarios: z.record(z.string(), scenarioTranslationSchema.extend(located)),
  guides: z.array(z.string()),
  glossary: glossarySchema.optional(),
});
export type LocaleTranslations = z.infer<typeof localeTranslationsSchema>;
