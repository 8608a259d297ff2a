// What a scenario expects of a kernel counter: an exact value (`1`, `0`) or a bound (">= 1",
// "<= 3", "2..5") for counters that vary from run to run. Pure, shared by the verifier (which
// judges runs) and the pages (which say what was expected).

import { BOUND_PATTERN } from '../schemas/index.ts';

export type CounterExpectation = number | string;

export interface Bound {
  min: number;
  max: number;
}

/** The closed interval an expectation allows. Throws on a string the schema would reject. */
export function toBound(expected: CounterExpectation): Bound {
  if (typeof expected === 'number') return { min: expected, max: expected };
  const m = BOUND_PATTERN.exec(expected.trim());
  if (!m) throw new Error(`not a counter expectation: "${expected}" (use 1, ">= 1", "<= 3" or "2..5")`);
  if (m[1] === '>=') return { min: Number(m[2]), max: Infinity };
  if (m[1] === '<=') return { min: 0, max: Number(m[2]) };
  return { min: Number(m[3]), max: Number(m[4]) };
}

export function counterMatches(expected: CounterExpectation, observed: number): boolean {
  const { min, max } = toBound(expected);
  return observed >= min && observed <= max;
}

/** "1", "at least 1", "at most 3", "2 to 5". */
export function describeExpectation(expected: CounterExpectation): string {
  const { min, max } = toBound(expected);
  if (min === max) return String(min);
  if (max === Infinity) return `at least ${min}`;
  if (min === 0 && typeof expected === 'string' && expected.trim().startsWith('<=')) return `at most ${max}`;
  return `${min} to ${max}`;
}

/** Observed values of one counter over several runs: "1", or "2–3" when runs differ. */
export function describeObserved(values: readonly number[]): string {
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  return lo === hi ? String(lo) : `${lo}–${hi}`;
}
