import { describe, expect, it } from 'vitest';
import {
  isCatalogueEntry,
  isMigrationGuide,
  isPatternPage,
  type CatalogueFacts,
} from '../../src/shared/page-kinds';

function page(id: string, over: Partial<CatalogueFacts> = {}): CatalogueFacts {
  return { id, type: null, tier: null, isTemplate: false, ...over };
}

describe('isPatternPage', () => {
  it('takes typed patterns and untyped pages in a pattern-library category, not indexes or templates', () => {
    expect(isPatternPage(page('elsewhere/x', { type: 'pattern' }))).toBe(true);
    expect(isPatternPage(page('pattern-library/data/x'))).toBe(true);
    expect(isPatternPage(page('pattern-library/data/index'))).toBe(false);
    expect(isPatternPage(page('pattern-library/overview'))).toBe(false);
    expect(isPatternPage(page('pattern-library/data/x', { isTemplate: true }))).toBe(false);
  });
});

describe('isCatalogueEntry (the tier selector: why it is not isPatternPage)', () => {
  it('takes a tiered overview page one level under pattern-library/, which isPatternPage leaves out', () => {
    const overview = page('pattern-library/overview', { tier: 'gold' });
    expect(isCatalogueEntry(overview)).toBe(true);
    expect(isPatternPage(overview)).toBe(false);
  });

  it('leaves out an untyped, untiered page in a category folder (nothing to select it by tier), which isPatternPage takes', () => {
    const exam = page('pattern-library/data/some-exam');
    expect(isCatalogueEntry(exam)).toBe(false);
    expect(isPatternPage(exam)).toBe(true);
  });

  it('agrees with isPatternPage on typed patterns, case studies and templates', () => {
    for (const p of [
      page('pattern-library/data/x', { type: 'pattern', tier: 'silver' }),
      page('architects-handbook/case-studies/y', { type: 'case-study', tier: 'gold' }),
      page('pattern-library/data/t', { tier: 'gold', isTemplate: true }),
    ]) {
      expect(isCatalogueEntry(p)).toBe(isPatternPage(p));
    }
    expect(isCatalogueEntry(page('architects-handbook/case-studies/y', { tier: 'gold' }))).toBe(false);
  });
});

describe('isMigrationGuide', () => {
  it('decides by the migration(s)/ folder, not the type, and leaves out indexes and templates', () => {
    expect(isMigrationGuide(page('migrations/a-to-b'))).toBe(true);
    expect(isMigrationGuide(page('excellence/migration/a-to-b', { type: 'documentation' }))).toBe(true);
    expect(isMigrationGuide(page('elsewhere/a-to-b', { type: 'migration' }))).toBe(false);
    expect(isMigrationGuide(page('migrations/index'))).toBe(false);
    expect(isMigrationGuide(page('excellence/migrations/playbook-template'))).toBe(false);
    expect(isMigrationGuide(page('migrations/a-to-b', { isTemplate: true }))).toBe(false);
  });
});
