import type { Heading } from '../../shared/domain';

/** One table-of-contents entry: a heading and its indent below the shallowest entry. */
export interface TocItem extends Heading {
  indent: number;
}

/**
 * The headings a page's table of contents lists, as the site's theme does: H2–H4, plus any
 * level-1 heading after the first one (a page's opening H1 is its title, shown above the
 * content; a later H1 starts a part of the page and belongs in the contents).
 */
export function tocItems(headings: readonly Heading[]): TocItem[] {
  const hs = headings.filter((h, i) => (h.level === 1 ? i > 0 : h.level <= 4));
  const min = Math.min(...hs.map((h) => h.level));
  return hs.map((h) => ({ ...h, indent: h.level - min }));
}
