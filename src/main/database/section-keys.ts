/**
 * How a section's id encodes its page: id = page number × 4096 + the section's order in
 * the page. Sections need no page column and no index on it (that index alone was a sizeable
 * part of content.db), a page's sections are one rowid range, and the search service maps an
 * FTS hit to its page with a shift instead of a lookup table.
 */
export const SECTION_BITS = 12;
/** Most sections one page can have; the importer folds any further headings into the last one. */
export const MAX_SECTIONS_PER_PAGE = 1 << SECTION_BITS;

/** The id of a page's section. */
export function sectionId(pageNo: number, ord: number): number {
  return pageNo * MAX_SECTIONS_PER_PAGE + ord;
}

/** The number of the page a section belongs to. */
export function pageNoOfSection(id: number): number {
  return Math.floor(id / MAX_SECTIONS_PER_PAGE);
}

/** The first and last possible section id of a page (inclusive). */
export function sectionRange(pageNo: number): [number, number] {
  return [sectionId(pageNo, 0), sectionId(pageNo, MAX_SECTIONS_PER_PAGE - 1)];
}
