// What a verification result vouches for, as a hash: a result applies only to the exact snippet
// and expectations it was made from, on the runtime and kernel it ran on.
import { createHash } from 'node:crypto';
import type { ScenarioData } from '../schemas/index.ts';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** The parts of a scenario a run depends on. Prose changes do not invalidate a result. */
export type Verifiable = Pick<ScenarioData, 'expect' | 'requires' | 'timeoutMs'> & Partial<Pick<ScenarioData, 'expectByNode'>>;

/** Hash of a snippet's source and its scenario's expectations, requirements and timeout. */
export function scenarioFingerprint(scenario: Verifiable, source: string): string {
  const { expect, requires, timeoutMs, expectByNode = {} } = scenario;
  // Without per-runtime expectations the hash is what it was before they existed.
  const byNode = Object.keys(expectByNode).length > 0 ? { expectByNode } : {};
  return sha256(JSON.stringify({ source, expect, requires, timeoutMs, ...byNode }));
}

/** Hash of every scenario's fingerprint (sorted by slug) with the Node.js versions and kernel. */
export function resultsFingerprint(scenarios: Record<string, string>, runtimes: readonly string[], kernel: string): string {
  const sorted = Object.keys(scenarios)
    .sort()
    .map((slug) => [slug, scenarios[slug]]);
  return sha256(JSON.stringify({ scenarios: sorted, node: runtimes.join(' '), kernel }));
}
