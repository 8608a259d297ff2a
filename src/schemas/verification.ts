import { z } from 'astro/zod';

/** Where and when the verifier ran. Printed beside every transcript. */
export const environmentSchema = z.strictObject({
  /** process.platform: 'linux', 'darwin'... */
  platform: z.string(),
  /** os.release(): the kernel release, e.g. 6.8.0-45-generic. */
  kernel: z.string(),
  arch: z.string(),
  /** process.version of the Node that ran the snippets. */
  node: z.string(),
  /** ISO timestamp of the run. */
  date: z.string(),
  /** How many times each scenario ran. */
  runs: z.number().int().positive(),
  /** Whether the verifier ran as root (some scenarios need it). */
  root: z.boolean(),
});
export type Environment = z.infer<typeof environmentSchema>;

export const statuses = ['verified', 'failed', 'inconclusive', 'not-verified'] as const;
export type Status = (typeof statuses)[number];

/** The verdict on one scenario for the platform the verifier ran on. */
export const scenarioResultSchema = z.strictObject({
  status: z.enum(statuses),
  /** Why it is not verified, failed or inconclusive, in words a reader understands. */
  reason: z.string().optional(),
  /** Runs attempted, and how many of them matched the expectations. */
  runs: z.number().int().min(0),
  matched: z.number().int().min(0),
  /** Wall time of all runs together, milliseconds. */
  durationMs: z.number().min(0),
  /** stdout of the first run, as observed. */
  transcript: z.string(),
  exitCode: z.number().int().nullable(),
});
export type ScenarioResult = z.infer<typeof scenarioResultSchema>;

/** generated/verification.json, written by scripts/verify.ts and read by the site. */
export const verificationSchema = z.strictObject({
  environment: environmentSchema,
  /** Total wall time of the verifier, milliseconds. */
  durationMs: z.number().min(0),
  scenarios: z.record(z.string(), scenarioResultSchema),
});
export type Verification = z.infer<typeof verificationSchema>;
