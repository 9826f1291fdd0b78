import type { PageId, Tier } from '../domain';

export interface SearchFilters {
  tier?: Tier[];
  type?: string[];
  category?: string[];
  status?: string[];
  relevance?: string[];
  difficulty?: string[];
}

export interface SearchQuery {
  text: string;
  filters?: SearchFilters;
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
  /** Snippet with matched terms wrapped in `<mark>`; all other text HTML-escaped. */
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

/** Full-text search and the quick switcher. */
export interface SearchApi {
  /** Ranked results, grouped by page, with facet counts. Never throws on user input. */
  search(query: SearchQuery): Promise<SearchResponse>;
  /** Fuzzy/prefix over titles, aliases, headings and tags; recent pages first when the query is empty. */
  quickSwitch(text: string, limit?: number): Promise<QuickSwitchHit[]>;
}
