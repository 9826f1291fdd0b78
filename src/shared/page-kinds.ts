import type { PageId } from './domain';

/** What a page's kind is read from. Both a `PageSummary` and an importer row have these. */
export interface PageKindFacts {
  id: PageId;
  type: string | null;
  isTemplate: boolean;
}

/**
 * A page of the pattern library. The corpus does not type its pages consistently (many
 * patterns have no `type`), so a (non-index) page under pattern-library/<category>/ counts too.
 */
export function isPatternPage(p: PageKindFacts): boolean {
  if (p.isTemplate) return false;
  return (
    p.type === 'pattern' ||
    (p.id.startsWith('pattern-library/') && p.id.split('/').length > 2 && !p.id.endsWith('/index'))
  );
}

/**
 * A migration guide: a page under a `migration/` or `migrations/` folder (not its index or a
 * template). Their `type` is `documentation`, `migration-guide` or absent, so the folder decides.
 */
export function isMigrationGuide(p: PageKindFacts): boolean {
  return (
    /(^|\/)migrations?\/[^/]+$/.test(p.id) &&
    !/\/index$/.test(p.id) &&
    !/template/i.test(p.id) &&
    !p.isTemplate
  );
}

/** What the catalogue also reads: the page's tier. */
export interface CatalogueFacts extends PageKindFacts {
  tier: string | null;
}

/**
 * A card of the pattern catalogue. Deliberately not `isPatternPage`: the catalogue is the
 * site's tier selector, so it takes what can be picked by tier: every page typed as a pattern,
 * plus any tiered page under pattern-library/, including overview pages one level down that
 * carry a tier. Untyped, untiered pages in a category folder (exams, learning modules) are
 * pattern-library pages but have no tier to select them by, so they stay out.
 */
export function isCatalogueEntry(p: CatalogueFacts): boolean {
  if (p.isTemplate) return false;
  return p.type === 'pattern' || (p.tier !== null && p.id.startsWith('pattern-library/'));
}

/** The kinds of page a field or a view can ask for, with how each is told apart. */
export const PAGE_KINDS = {
  pattern: { label: 'pattern', test: isPatternPage },
  'migration-guide': { label: 'migration guide', test: isMigrationGuide },
} as const satisfies Record<string, { label: string; test: (p: PageKindFacts) => boolean }>;
export type PageKind = keyof typeof PAGE_KINDS;
