import { describe, expect, it } from 'vitest';
import {
  bestCorrection,
  editDistance,
  maxEditsFor,
  trigramExpression,
} from '../../../src/main/search/spelling';

describe('editDistance', () => {
  it('counts insertions, deletions, substitutions and adjacent swaps', () => {
    expect(editDistance('idempotncy', 'idempotency', 2)).toBe(1);
    expect(editDistance('cirucit', 'circuit', 2)).toBe(1);
    expect(editDistance('kitten', 'sitting', 5)).toBe(3);
    expect(editDistance('same', 'same', 1)).toBe(0);
  });

  it('stops early beyond the maximum', () => {
    expect(editDistance('abc', 'xyzxyz', 2)).toBe(3);
    expect(editDistance('abcdef', 'uvwxyz', 2)).toBe(3);
  });
});

describe('bestCorrection', () => {
  it('picks the closest candidate, then the most frequent', () => {
    const candidates = [
      { term: 'idempotent', freq: 50 },
      { term: 'idempotency', freq: 80 },
      { term: 'idempotence', freq: 2 },
    ];
    expect(bestCorrection('idempotncy', candidates)).toBe('idempotency');
    expect(
      bestCorrection('bulkhed', [
        { term: 'bulkhead', freq: 3 },
        { term: 'bulked', freq: 9 },
      ]),
    ).toBe('bulked');
  });

  it('allows one edit for short words and none too far away', () => {
    expect(maxEditsFor('hlc')).toBe(1);
    expect(bestCorrection('hcl', [{ term: 'hlc', freq: 5 }])).toBe('hlc');
    expect(
      bestCorrection('raft', [
        { term: 'draft', freq: 5 },
        { term: 'rafts', freq: 1 },
      ]),
    ).toBe('draft');
    expect(bestCorrection('zzzz', [{ term: 'raft', freq: 5 }])).toBeNull();
  });
});

describe('trigramExpression', () => {
  it('asks for two shared trigrams, or one when the word has fewer than three', () => {
    expect(trigramExpression('abcab')).toBe('("abc" AND "bca") OR ("abc" AND "cab") OR ("bca" AND "cab")');
    expect(trigramExpression('abcd')).toBe('"abc" OR "bcd"');
    expect(trigramExpression('ab')).toBeNull();
  });
});
