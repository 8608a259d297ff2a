import { describe, expect, it } from 'vitest';
import { counterMatches, describeExpectation, describeObserved, toBound } from '../../src/lib/counter-bounds.ts';

describe('counter expectations', () => {
  it('match an exact count only', () => {
    expect(counterMatches(1, 1)).toBe(true);
    expect(counterMatches(1, 2)).toBe(false);
    expect(counterMatches(0, 1)).toBe(false);
  });

  it('match bounds and ranges, ends included', () => {
    expect(counterMatches('>= 1', 1)).toBe(true);
    expect(counterMatches('>= 1', 0)).toBe(false);
    expect(counterMatches('<= 3', 3)).toBe(true);
    expect(counterMatches('<= 3', 4)).toBe(false);
    expect(counterMatches('2..5', 2)).toBe(true);
    expect(counterMatches('2..5', 6)).toBe(false);
  });

  it('are described in words', () => {
    expect([1, '>= 1', '<= 3', '2..5'].map(describeExpectation)).toEqual(['1', 'at least 1', 'at most 3', '2 to 5']);
    expect(describeObserved([1, 1, 1])).toBe('1');
    expect(describeObserved([3, 2, 3])).toBe('2–3');
  });

  it('refuse anything else', () => {
    expect(() => toBound('> 1')).toThrow('not a counter expectation: "> 1"');
  });
});
