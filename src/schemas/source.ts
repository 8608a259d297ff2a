import { z } from 'astro/zod';

/** A citation: where a number, message or behaviour was taken from. Keyed by a short id. */
export const sourceSchema = z.strictObject({
  /** Human title, e.g. "Windows Sockets Error Codes (Microsoft Learn)". */
  title: z.string().min(1),
  /** Canonical public address of the document. */
  url: z.url(),
});
export type Source = z.infer<typeof sourceSchema>;
