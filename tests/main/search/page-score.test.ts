import { describe, expect, it } from 'vitest';
import {
  combinedScore,
  KIND_WEIGHT,
  pageKind,
  pagePrior,
  RELAXED_FACTOR,
  type PriorSource,
} from '../../../src/main/search/page-score';

const page = (id: string, extra: Partial<PriorSource> = {}): PriorSource => ({
  id,
  title: 'A title',
  type: null,
  tier: null,
  ...extra,
});

describe('pageKind', () => {
  it('tells pattern pages from the modules, exams, indexes and guides around them', () => {
    expect(pageKind(page('pattern-library/resilience/circuit-breaker', { type: 'pattern' }))).toBe('pattern');
    expect(pageKind(page('pattern-library/communication/observability/health-check'))).toBe('pattern');
    expect(
      pageKind(
        page('pattern-library/resilience/circuit-breaker-mastery', {
          type: 'pattern-learning-module',
          title: 'Circuit Breaker Pattern - Complete Mastery Guide',
        }),
      ),
    ).toBe('module');
    expect(
      pageKind(
        page('pattern-library/resilience/rate-limiting-elite-engineering', {
          title: 'Rate Limiting - Elite Engineering',
        }),
      ),
    ).toBe('module');
    expect(
      pageKind(page('pattern-library/resilience/resilience-engineering-exam', { type: 'examination' })),
    ).toBe('exam');
    expect(pageKind(page('core-principles/laws/tests/correlated-failure-test', { type: 'test' }))).toBe(
      'exam',
    );
    expect(pageKind(page('pattern-library/data-management/data-consistency-exam'))).toBe('exam');
    expect(pageKind(page('pattern-library/resilience/index', { type: 'pattern' }))).toBe('index');
    expect(pageKind(page('glossary'))).toBe('index');
    expect(pageKind(page('pattern-library/top-10-patterns', { type: 'guide' }))).toBe('guide');
    expect(pageKind(page('reference/pattern-selection-cheatsheet'))).toBe('guide');
    expect(
      pageKind(page('architects-handbook/case-studies/databases/cassandra', { type: 'case-study' })),
    ).toBe('case-study');
    expect(pageKind(page('core-principles/cap-theorem'))).toBe('principle');
    expect(pageKind(page('start-here/index'))).toBe('index');
    expect(pageKind(page('architects-handbook/human-factors/sre-practices'))).toBe('other');
  });

  it('weighs a pattern by its tier, and every pattern above a module, an index or an exam', () => {
    const gold = pagePrior(page('pattern-library/scaling/sharding', { tier: 'gold' }));
    const silver = pagePrior(page('pattern-library/scaling/chunking', { tier: 'silver' }));
    const none = pagePrior(page('pattern-library/data-management/saga'));
    expect(gold).toBeGreaterThan(silver);
    expect(silver).toBeGreaterThan(none);
    expect(none).toBe(KIND_WEIGHT.pattern);
    // a tier does not lift a module (its tier is the pattern's, not its own)
    expect(pagePrior(page('pattern-library/resilience/chaos-engineering-mastery', { tier: 'gold' }))).toBe(
      KIND_WEIGHT.module,
    );
    const order = [
      'pattern',
      'principle',
      'case-study',
      'other',
      'guide',
      'module',
      'index',
      'exam',
    ] as const;
    for (let i = 1; i < order.length; i++)
      expect(KIND_WEIGHT[order[i - 1]!]).toBeGreaterThan(KIND_WEIGHT[order[i]!]);
  });
});

describe('combinedScore', () => {
  it('multiplies text relevance by the prior and the about share, scales relaxed results and adds the title bonus', () => {
    const base = { sections: 10, prior: 1, about: 0, title: 0, relaxed: false, synonym: 1, via: null };
    expect(combinedScore(base)).toBe(10);
    expect(combinedScore({ ...base, prior: 0.5 })).toBe(5);
    expect(combinedScore({ ...base, about: 1 })).toBeGreaterThan(combinedScore({ ...base, about: 0.5 }));
    expect(combinedScore({ ...base, relaxed: true })).toBeCloseTo(10 * RELAXED_FACTOR);
    expect(combinedScore({ ...base, title: 1000 })).toBe(1010);
    // a result found by a thesaurus alternative counts less, its title bonus too
    expect(combinedScore({ ...base, title: 1000, synonym: 0.5, via: 'x' })).toBe(505);
    // a page covering the query in its names beats a module that scores higher on text alone
    expect(combinedScore({ ...base, prior: 1.15, about: 1, sections: 20 })).toBeGreaterThan(
      combinedScore({ ...base, prior: 0.55, about: 0, sections: 30 }),
    );
  });
});
