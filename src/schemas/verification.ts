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
  /**
   * How each run was contained: `namespaces` (own user, network, PID and mount namespaces,
   * unprivileged on the host), `namespaces-without-user` (root dropped its privileges), or
   * `none` (a process group and a private directory only). See scripts/lib/verify/sandbox.ts.
   */
  isolation: z.enum(['namespaces', 'namespaces-without-user', 'none']),
  /** What a contained snippet could do, found by trying: run as root inside, create network namespaces. */
  capabilities: z.strictObject({ root: z.boolean(), netns: z.boolean() }),
  /** Why a stronger isolation was not available, when it was not. */
  isolationNotes: z.array(z.string()).default([]),
  /** Every Node.js version each scenario ran on, the pinned one (`node`) first. */
  runtimes: z.array(z.string()).default([]),
});
export type Environment = z.infer<typeof environmentSchema>;

export const statuses = ['verified', 'failed', 'inconclusive', 'not-verified'] as const;
export type Status = (typeof statuses)[number];

/** What one run of a snippet did, beside what it printed. */
export const runRecordSchema = z.strictObject({
  /** Whether this run matched the expectations. */
  matched: z.boolean(),
  exitCode: z.number().int().nullable(),
  durationMs: z.number().min(0),
  /**
   * Non-zero TCP/UDP counters of the run's own network namespace when the snippet ended
   * (/proc/net/snmp and /proc/net/netstat, e.g. `Tcp.OutRsts`); absent without isolation.
   */
  counters: z.record(z.string(), z.number()).optional(),
});
export type RunRecord = z.infer<typeof runRecordSchema>;

/** The verdict on one scenario on one Node.js runtime. */
export const runtimeResultSchema = z.strictObject({
  /** process.version of that runtime, e.g. v24.21.0. */
  node: z.string(),
  status: z.enum(statuses),
  reason: z.string().optional(),
  runs: z.number().int().min(0),
  matched: z.number().int().min(0),
  /** stdout of its first run. */
  transcript: z.string(),
  runRecords: z.array(runRecordSchema).default([]),
  /** Whether it was held to its own expectations (`expectByNode`) rather than `expect.linux`. */
  ownExpectation: z.boolean().default(false),
});
export type RuntimeResult = z.infer<typeof runtimeResultSchema>;

/**
 * The verdict on one scenario for the platform the verifier ran on. The top-level fields are
 * the pinned runtime's, except `status`, which is the worst over all runtimes.
 */
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
  /** Each run's own record, in run order. */
  runRecords: z.array(runRecordSchema).default([]),
  /** Hash of the snippet and expectations this result was made from (src/lib/fingerprint.ts). */
  fingerprint: z.string(),
  /** One result per Node.js runtime, the pinned one first. */
  runtimes: z.array(runtimeResultSchema).default([]),
});
export type ScenarioResult = z.infer<typeof scenarioResultSchema>;

/** generated/verification.json, written by scripts/verify.ts and read by the site. */
export const verificationSchema = z.strictObject({
  /** Hash of every scenario's fingerprint with the Node version and kernel (src/lib/fingerprint.ts). */
  fingerprint: z.string(),
  environment: environmentSchema,
  /** Total wall time of the verifier, milliseconds. */
  durationMs: z.number().min(0),
  scenarios: z.record(z.string(), scenarioResultSchema),
});
export type Verification = z.infer<typeof verificationSchema>;
