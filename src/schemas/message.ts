import { z } from 'astro/zod';
import { errorName, slug } from './common.ts';

/**
 * A log line people paste, as a program prints it, pointing at the error page (or, for an
 * orderly close seen as end-of-file, the scenario page) that explains it.
 */
export const messageSchema = z
  .strictObject({
    /** The line as printed; variable parts (hosts, ports, paths) written as in a typical log. */
    text: z.string().min(3),
    /** The program or library that prints it: curl, nginx, Java, Python, Node.js, LoadRunner... */
    program: z.string().min(1),
    /** The OS the line comes from, when the wording differs by OS. */
    platform: z.enum(['linux', 'windows', 'darwin', 'any']).default('any'),
    /** The error it means. */
    error: errorName.optional(),
    /** For lines that are no errno at all: the scenario that explains them. */
    scenario: slug.optional(),
    /** Why the wording differs, or when the line appears. */
    note: z.string().min(1).optional(),
  })
  .refine((m) => (m.error === undefined) !== (m.scenario === undefined), {
    message: 'give exactly one of "error" or "scenario"',
    path: ['error'],
  });
export type Message = z.infer<typeof messageSchema>;

/** A messages/*.yaml file: a list of messages. */
export const messageFileSchema = z.array(messageSchema);
