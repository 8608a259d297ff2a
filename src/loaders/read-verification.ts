// Reads generated/verification.json (written by scripts/verify.ts). Node-only, build time.
// A result is published only for the exact snippet and expectations it was made from, on the
// Node and kernel building the site: anything else is refused with what changed.
import { existsSync } from 'node:fs';
import { release } from 'node:os';
import { resolve } from 'node:path';
import { verificationSchema, type Verification } from '../schemas/index.ts';
import { scenarioFingerprint, resultsFingerprint, type Verifiable } from '../lib/fingerprint.ts';
import { readText } from './read-text.ts';
import { readContent } from './read-content.ts';
import { installedRuntimeVersions } from './installed-runtimes.ts';

// Resolved from the working directory: pages are bundled before they run, so import.meta.url
// does not point into src/ at that time. Astro and the scripts run from the repository root.
export const verificationPath = resolve('generated', 'verification.json');

/** What the site is being built from: each scenario with its snippet's source. */
export interface BuildingFrom {
  scenarios: Array<Verifiable & { slug: string; source: string }>;
  node: string;
  /** Every Node.js version a build made now would verify on, the pinned one first. */
  runtimes: string[];
  kernel: string;
}

/** What differs between the results and the content being built; empty when they agree. */
export function staleness(results: Verification, current: BuildingFrom): string[] {
  const out: string[] = [];
  const env = results.environment;
  if (env.node !== current.node) out.push(`verified with Node ${env.node}, building with ${current.node}`);
  if (env.runtimes.join(' ') !== current.runtimes.join(' '))
    out.push(`verified on Node ${env.runtimes.join(', ')}, while this checkout has ${current.runtimes.join(', ')}`);
  if (env.kernel !== current.kernel) out.push(`verified on kernel ${env.kernel}, building on ${current.kernel}`);
  const fingerprints: Record<string, string> = {};
  for (const s of current.scenarios) {
    fingerprints[s.slug] = scenarioFingerprint(s, s.source);
    const r = results.scenarios[s.slug];
    if (!r) out.push(`scenario "${s.slug}" has no result`);
    else if (r.fingerprint !== fingerprints[s.slug])
      out.push(`scenario "${s.slug}" changed since it was verified (content/snippets/${s.slug}.ts or its expectations)`);
  }
  for (const slug of Object.keys(results.scenarios))
    if (!(slug in fingerprints)) out.push(`result for scenario "${slug}", which no longer exists`);
  if (out.length === 0 && results.fingerprint !== resultsFingerprint(fingerprints, current.runtimes, current.kernel))
    out.push('the results file was edited after the verifier wrote it (its fingerprint does not match)');
  return out;
}

/**
 * The content being built, read from content/ with the same reader and schemas as the verifier
 * (not from Astro's collection cache, which keeps entries whose files did not change).
 */
export function buildingFrom(root = resolve('.')): BuildingFrom {
  const content = readContent(root);
  const sources = new Map(content.snippets.map((s) => [s.slug, s.source]));
  return {
    scenarios: content.scenarios.map((s) => ({ ...s, source: sources.get(s.slug) ?? '' })),
    node: process.version,
    runtimes: installedRuntimeVersions(resolve(root, 'node_modules')),
    kernel: release(),
  };
}

/**
 * The verifier's results, or undefined when it has not run (pages then say "not verified").
 * Throws, naming the file, when the results are malformed or were made from other content.
 */
export function readVerification(current: BuildingFrom, path = verificationPath): Verification | undefined {
  if (!existsSync(path)) return undefined;
  const rerun = 'rerun npm run verify (npm run build does)';
  let json: unknown;
  try {
    json = JSON.parse(readText(path));
  } catch (err) {
    throw new Error(`${path}: not valid JSON (${(err as Error).message}); ${rerun}`, { cause: err });
  }
  const parsed = verificationSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${path}: not a verification result (${issue?.path.join('.') || 'top level'}: ${issue?.message}); ${rerun}`);
  }
  const stale = staleness(parsed.data, current);
  if (stale.length > 0) throw new Error(`${path}: stale results, refused:\n  - ${stale.join('\n  - ')}\n${rerun}`);
  return parsed.data;
}
