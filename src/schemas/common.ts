import { z } from 'astro/zod';

/** An error's identity: its symbolic name as spelled in the C headers (`ECONNRESET`, `WSAECONNRESET`, `EAI_AGAIN`). */
export const errorName = z
  .string()
  .regex(
    /^(E[A-Z0-9]+|EAI_[A-Z]+|WSA_?[A-Z0-9_]+|ERROR_[A-Z0-9_]+)$/,
    'must be an upper-case symbolic name such as ECONNRESET, WSAECONNRESET or EAI_AGAIN',
  );

/** A scenario slug describes the situation, kebab-case (`rst-on-close-with-unread-data`). */
export const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be kebab-case, e.g. rst-on-close-with-unread-data');

/** Keys into content/sources/*.yaml; every factual claim carries at least one. */
export const sourceIds = z.array(z.string().min(1)).min(1, 'cite at least one source from content/sources/*.yaml');

/** Platforms a snippet can be verified on. Windows outcomes are only ever documented. */
export const verifiablePlatform = z.enum(['linux', 'darwin']);
export type VerifiablePlatform = z.infer<typeof verifiablePlatform>;
