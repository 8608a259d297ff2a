import { z } from 'astro/zod';
import { errorName, slug, sourceIds } from './common.ts';

/** The syntax of a counter bound: ">= 1", "<= 3" or "2..5" (src/lib/counter-bounds.ts reads it). */
export const BOUND_PATTERN = /^(?:(>=|<=)\s*(\d+)|(\d+)\.\.(\d+))$/;

/** A kernel counter as the verifier records it: `Group.Name` from /proc/net/snmp or netstat. */
export const counterName = z
  .string()
  .regex(/^(Tcp|TcpExt|Udp|Icmp)\.[A-Za-z0-9]+$/, 'a counter is named Group.Name, e.g. Tcp.OutRsts or TcpExt.TCPAbortOnClose');

/** An exact count, or a bound for a counter that varies run to run: ">= 1", "<= 3", "2..5". */
export const counterExpectation = z.union([
  z.number().int().min(0),
  z.string().regex(BOUND_PATTERN, 'write an exact count (1), ">= 1", "<= 3" or a range "2..5"'),
]);

/**
 * What a verified run must show on one platform. The snippet's stdout is split into lines;
 * `lines` must each appear as a whole line, in this order (other lines may sit between).
 */
export const expectationSchema = z.strictObject({
  /** Whole stdout lines that must appear, in order. */
  lines: z.array(z.string().min(1)).min(1, 'list at least one line the run must print'),
  /** Whole lines that must not appear at all (e.g. the opposite outcome). */
  absent: z.array(z.string().min(1)).default([]),
  /** The exit code the snippet must end with. */
  exitCode: z.number().int().min(0).default(0),
  /**
   * What the kernel's counters in the run's own network namespace must show when the snippet
   * ends, e.g. `Tcp.OutRsts: 1`. A counter left out is not checked; one listed and absent from
   * /proc counts as 0. Checked only where the run had its own network namespace.
   */
  counters: z.record(counterName, counterExpectation).default({}),
});
export type Expectation = z.infer<typeof expectationSchema>;

/** One TCP segment (or event) in the sequence diagram. */
export const segmentSchema = z.strictObject({
  /** Who sends it. */
  from: z.enum(['client', 'server', 'kernel', 'app']),
  /** What it is: SYN, SYN-ACK, ACK, data, FIN, RST, or an application event. */
  what: z.string().min(1),
  /** What it means at this step. */
  note: z.string().min(1).optional(),
  /** The kernel counter (declared in `expect.linux.counters`) whose value proves this step happened. */
  counter: counterName.optional(),
});

/** Sentences of a cited source, copied word for word, that support a documented outcome. */
export const quoteSchema = z.strictObject({
  /** The source quoted, a key into content/sources/*.yaml; it must also be in the outcome's `sources`. */
  source: z.string().min(1),
  /** The supporting sentence(s), exactly as the source has them (an ellipsis marks a cut). */
  text: z.string().min(10),
});
export type Quote = z.infer<typeof quoteSchema>;

/**
 * How an outcome on a platform we cannot run is known (verified outcomes are Linux runs):
 * - `documented`: the platform's owner says so (Microsoft Learn, Apple's man pages and XNU source,
 *   libuv or Node.js source for Node's behaviour); the supporting sentences are quoted.
 * - `reported`: only third parties say so (a blog, a forum thread, the vendor of another library);
 *   the page labels it "reported" and names the sources.
 * An outcome with no source at all is rejected: it is not published.
 */
export const provenanceLevel = z.enum(['documented', 'reported']);
export type ProvenanceLevel = z.infer<typeof provenanceLevel>;

/** An outcome (never verified here) on a platform we cannot run, with its provenance. */
export const documentedOutcomeSchema = z
  .strictObject({
    /** What a program observes there, e.g. "recv() fails with WSAECONNRESET (10054)". */
    outcome: z.string().min(1),
    /** Who says so: the platform's owner (`documented`) or third parties (`reported`). */
    level: provenanceLevel,
    /** The cited sources; for `reported`, these name who reported it. */
    sources: sourceIds,
    /** The sentence(s) of the sources that support the outcome; required when `level` is `documented`. */
    quote: z.array(quoteSchema).min(1).optional(),
  })
  .refine((d) => d.level !== 'documented' || d.quote !== undefined, {
    message:
      'a documented outcome quotes the sentence(s) of its source that support it: add quote: [{ source, text }], or make it level: reported',
    path: ['quote'],
  });
export type DocumentedOutcome = z.infer<typeof documentedOutcomeSchema>;

/** What a snippet needs that a plain unprivileged Linux box may not have. */
export const requirement = z.enum(['root', 'netns']);

/** Frontmatter of content/scenarios/<slug>.mdx. The slug is the file name; the snippet is content/snippets/<slug>.ts. */
export const scenarioSchema = z.strictObject({
  title: z.string().min(5),
  /** The situation in two sentences. */
  summary: z.string().min(20),
  /** Errors this scenario produces or explains (Linux and Winsock names). */
  errors: z.array(errorName).min(1),
  /** The sequence of segments on the wire. */
  segments: z.array(segmentSchema).default([]),
  /** Expected observations per platform; a platform left out is reported "not verified". */
  expect: z.strictObject({
    linux: expectationSchema.optional(),
    darwin: expectationSchema.optional(),
  }),
  /**
   * Linux expectations for one Node.js line where its behaviour really differs from `expect.linux`
   * (keyed by major version, e.g. "26"); every other line is held to `expect.linux`.
   */
  expectByNode: z.partialRecord(z.enum(['22', '24', '26']), expectationSchema).default({}),
  /** Outcomes on platforms we do not run, with citations. */
  documented: z
    .strictObject({
      windows: documentedOutcomeSchema.optional(),
      darwin: documentedOutcomeSchema.optional(),
    })
    .default({}),
  /** What the snippet needs; without it the verifier skips the run and says why. */
  requires: z.array(requirement).default([]),
  /**
   * Hard limit for one run of the snippet, from the start of its sandbox. Keep it well above the
   * snippet's own give-up timer: on a loaded 2-core machine, starting the namespaces and Node
   * alone can take seconds, and the snippet's own message says more than a kill does.
   */
  timeoutMs: z.number().int().min(100).max(60_000).default(15_000),
  /** Other scenarios worth reading next. */
  related: z.array(slug).default([]),
  /** Extra search words, e.g. the Chinese names of the errors involved. */
  searchTerms: z.array(z.string().min(1)).default([]),
  /** Citations for the claims the prose makes. */
  sources: sourceIds,
});
export type ScenarioData = z.infer<typeof scenarioSchema>;

/** Frontmatter of content/guides/<ERROR>.mdx; the error is the file name. */
export const guideSchema = z.strictObject({
  /** Scenarios the guide's "Why it happens" section relies on. */
  scenarios: z.array(slug).default([]),
  sources: sourceIds,
});
export type GuideData = z.infer<typeof guideSchema>;
