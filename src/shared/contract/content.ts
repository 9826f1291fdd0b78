import type { ContentStatus, NavNode, Page, PageId, PageSummary } from '../domain';

/** Reading the imported corpus. */
export interface ContentApi {
  /** What content is loaded (page count, source, commit). */
  getStatus(): Promise<ContentStatus>;
  /** Every page (not aliases), in id order. */
  listPages(): Promise<PageSummary[]>;
  /** Full pages for the given ids; aliases resolve to their target; unknown ids are left out. */
  getPages(ids: PageId[]): Promise<Page[]>;
  /** The navigation tree (mkdocs.yml nav order, unlisted pages under their folders). */
  getNav(): Promise<NavNode[]>;
  /** The page id an id or alias resolves to, or null. */
  resolveId(id: PageId): Promise<PageId | null>;
}
