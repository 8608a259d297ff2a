// What the kernel counters of a scenario's runs prove about its "On the wire" rows. Pure: the
// scenario page and the scenarios API both call it, so a row is called "observed" in one place.
import type { CounterInfo, RunRecord, ScenarioData, Status } from '../schemas/index.ts';
import { describeExpectation, describeObserved, type CounterExpectation } from './counter-bounds.ts';

export interface CounterEvidence {
  name: string;
  /** "1", "at least 1"... */
  expected: string;
  /** The values every run showed ("1", "2–3"), or null when the runs had no counters of their own. */
  observed: string | null;
  meaning: string;
}

/**
 * The counters a scenario checks, with what its runs showed. Values are only shown when the
 * scenario verified (every run matched them); otherwise they prove nothing.
 */
export function counterEvidence(
  checked: Record<string, CounterExpectation>,
  status: Status,
  runs: readonly RunRecord[],
  info: Record<string, CounterInfo>,
): CounterEvidence[] {
  const measured = status === 'verified' && runs.length > 0 && runs.every((r) => r.counters);
  return Object.entries(checked).map(([name, want]) => ({
    name,
    expected: describeExpectation(want),
    observed: measured ? describeObserved(runs.map((r) => r.counters?.[name] ?? 0)) : null,
    meaning: info[name]?.meaning ?? '',
  }));
}

export type RowEvidence = { kind: 'observed'; counter: string; value: string } | { kind: 'explained' };

/** Each row of the sequence: observed when a verified counter proves it, explained otherwise. */
export function rowEvidence(segments: ScenarioData['segments'], evidence: readonly CounterEvidence[]): RowEvidence[] {
  return segments.map((seg) => {
    const e = seg.counter ? evidence.find((x) => x.name === seg.counter) : undefined;
    return e?.observed != null ? { kind: 'observed', counter: e.name, value: e.observed } : { kind: 'explained' };
  });
}
