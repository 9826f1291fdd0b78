import type { PageId, Tier } from '../domain';

export interface SearchFilters {
  tier?: Tier[];
  type?: string[];
  category?: string[];
  status?: string[];
  relevance?: string[];
  difficulty?: string[];
}

/** The most results one search returns (the contract refuses a larger `limit`). */
export const MAX_SEARCH_RESULTS = 200;

export interface SearchQuery {
  text: string;
  filters?: SearchFilters;
  /** 1 to MAX_SEARCH_RESULTS. */
  limit?: number;
  offset?: number;
}

export interface SearchHit {
  /** Page id. */
  id: PageId;
  title: string;
  /** Best-matching section heading (null for the page's lead section). */
  section: string | null;
  /** Anchor of that section, to open the page there. */
  anchor: string | null;
  /** Snippet with matched terms wrapped in `<mark>` (and in `<code>` when cut from code); all other text HTML-escaped. */
  snippet: string;
  tier: Tier | null;
  type: string | null;
  score: number;
}

export interface FacetCount {
  value: string;
  count: number;
}

export interface SearchResponse {
  results: SearchHit[];
  total: number;
  /** The corrected query when the typed one found (almost) nothing, else null. */
  corrected: string | null;
  facets: Record<keyof SearchFilters, FacetCount[]>;
}

export interface QuickSwitchHit {
  id: PageId;
  title: string;
  /** What matched: the title, an alias, a heading or a tag. */
  kind: 'title' | 'alias' | 'heading' | 'tag';
  label: string;
  anchor: string | null;
  tier: Tier | null;
}

/** A page as the quick switcher names it: [page number, id, title, tier]. */
export type QuickSwitchPage = [no: number, id: PageId, title: string, tier: Tier | null];
/**
 * Titles, alias names and tags, one per distinct (kind, label): [kind (0 title, 1 alias,
 * 2 tag), label, targets: [page number, anchor ('' = none), …]].
 */
export type QuickSwitchDoc = [kind: number, label: string, targets: (number | string)[]];
/** Headings, one per distinct label: [label, targets: [page number, anchor ('' = the label's slug), …]]. */
export type QuickSwitchHeading = [label: string, targets: (number | string)[]];

/** Everything the quick switcher matches against, compact and JSON-safe, so the renderer can match locally. */
export interface QuickSwitchData {
  /** The search index generation it was read from. */
  generation: string | null;
  pages: QuickSwitchPage[];
  docs: QuickSwitchDoc[];
  headings: QuickSwitchHeading[];
  /** Recently read pages, most recent first, when it was asked for. */
  recent: PageId[];
}

/** Full-text search and the quick switcher. */
export interface SearchApi {
  /** Ranked results, grouped by page, with facet counts. Never throws on user input. */
  search(query: SearchQuery): Promise<SearchResponse>;
  /** Fuzzy/prefix over titles, aliases, headings and tags; recent pages first when the query is empty. */
  quickSwitch(text: string, limit?: number): Promise<QuickSwitchHit[]>;
  /** What quickSwitch matches against, for matching in the renderer without a round trip per keystroke. */
  quickSwitchData(): Promise<QuickSwitchData>;
}
