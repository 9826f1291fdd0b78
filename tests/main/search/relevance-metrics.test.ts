import { describe, expect, it } from 'vitest';
import { halves } from './relevance-metrics';

describe('halves', () => {
  it('averages the odd- and even-numbered queries apart', () => {
    expect(halves([{ ndcg: 1 }, { ndcg: 0 }, { ndcg: 0.5 }, { ndcg: 0.25 }])).toEqual({
      odd: 0.75,
      even: 0.125,
    });
  });
});
