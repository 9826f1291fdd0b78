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

/** The kinds of page a field or a view can ask for, with how each is told apart. */
export const PAGE_KINDS = {
  pattern: { label: 'pattern', test: isPatternPage },
  'migration-guide': { label: 'migration guide', test: isMigrationGuide },
} as const satisfies Record<string, { label: string; test: (p: PageKindFacts) => boolean }>;
export type PageKind = keyof typeof PAGE_KINDS;
