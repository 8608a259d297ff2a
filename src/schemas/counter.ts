import { z } from 'astro/zod';
import { sourceIds } from './common.ts';

/** What a kernel counter counts, for content/counters.yaml (keyed by `Group.Name`). */
export const counterInfoSchema = z.strictObject({
  /** What one increment means, in a reader's words. */
  meaning: z.string().min(10),
  /** Where the kernel counts it, and the standard that defines it. */
  sources: sourceIds,
});
export type CounterInfo = z.infer<typeof counterInfoSchema>;
