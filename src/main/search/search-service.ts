import type { Database } from 'better-sqlite3';
import type { FacetCount, QuickSwitchHit, SearchApi, SearchFilters, SearchHit, SearchQuery, SearchResponse } from '../../shared/contract/search';
import type { PageId, Tier } from '../../shared/domain';
import { TIERS } from '../../shared/domain';
import {
  isEmptyQuery,
  normaliseKey,
  parseQuery,
  plainWords,
  titleKeyOf,
  toMatchExpression,
  withoutStopwords,
  type ParsedQuery,
} from './fts-query';
import { QUICK_SWITCH_BLOB, QuickSwitcher } from './quick-switch';
import { MARK_END, MARK_START, SearchRepository, type PageFacetRow, type PageMatch, type TitleKeyKind } from './search-repository';
import { bestCorrection, maxEditsFor, trigramExpression } from './spelling';

export interface SearchServiceDeps {
  /** Recently read pages, most recent first (from user.db history, supplied by the composition root). */
  recentPageIds: () => string[];
}

export const FACETS = ['tier', 'type', 'category', 'status', 'relevance', 'difficulty'] as const satisfies readonly (keyof SearchFilters)[];
type Facet = (typeof FACETS)[number];

const DEFAULT_LIMIT = 20;
/** A corrected query that finds this many pages is good enough to show, even if the misspelling found more. */
const ENOUGH_RESULTS = 10;
/** A multi-word query whose words never meet in one section is relaxed to any-word when AND finds fewer pages than this. */
const RELAX_BELOW = 5;
/** How many corpus words a prefix expands to. */
const PREFIX_EXPANSIONS = 12;
const TRIGRAM_CANDIDATES = 2000;
/** Score added to a page named exactly by the query: it ranks first, a full title above a file name. */
const EXACT_TITLE_BONUS: Record<TitleKeyKind, number> = { title: 1000, abbreviation: 950, alias: 900, head: 850, file: 800 };
/** Scores of results found only by the relaxed (any-word) query stay below every AND result. */
const RELAXED_PENALTY = 500;
const TIER_ORDER: Record<string, number> = { gold: 0, silver: 1, bronze: 2 };

interface Ranked {
  pageId: PageId;
  sectionId: number | null;
  score: number;
  /** The MATCH expression that found it (for its snippet). */
  match: string | null;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** Escapes snippet text, then turns the match markers into <mark> tags (the only HTML in a snippet). */
export function markSnippet(raw: string): string {
  return escapeHtml(raw.replace(/\s+/g, ' ').trim()).replaceAll(MARK_START, '<mark>').replaceAll(MARK_END, '</mark>');
}

/**
 * Full-text search over content.db (FTS5 per section, grouped by page) and the quick
 * switcher. Caches only small per-page metadata, dropped whenever the index is rebuilt.
 */
export class SearchService implements SearchApi {
  private readonly repo: SearchRepository;
  private generation: string | null | undefined;
  private pages: Map<PageId, PageFacetRow> | null = null;
  private switcher: QuickSwitcher | null = null;

  constructor(
    db: Database,
    private readonly deps: SearchServiceDeps,
  ) {
    this.repo = new SearchRepository(db);
  }

  /** Drops caches when the importer has rebuilt the index since they were filled. */
  private fresh(): Map<PageId, PageFacetRow> {
    const gen = this.repo.generation();
    if (gen !== this.generation || !this.pages) {
      this.generation = gen;
      this.switcher = null;
      this.pages = new Map(this.repo.listPageFacets().map((p) => [p.id, p]));
    }
    return this.pages;
  }

  /** Ranked results, grouped by page, with facet counts. Never throws on user input. */
  async search(query: SearchQuery): Promise<SearchResponse> {
    return this.searchSync(query);
  }

  /** The synchronous core of search (the CLI and the benchmark call it directly). */
  searchSync(query: SearchQuery): SearchResponse {
    const pages = this.fresh();
    const limit = Math.max(1, Math.min(query.limit ?? DEFAULT_LIMIT, 200));
    const offset = Math.max(0, query.offset ?? 0);
    const filters = query.filters ?? {};
    let parsed = withoutStopwords(parseQuery(query.text, { prefixLast: true }));

    let ranked = this.rank(parsed, pages);
    let corrected: string | null = null;
    // A word the corpus never uses is most likely misspelt: when the corrected query finds
    // as much (or plenty), show its results ("Showing results for …"). Stemming and prefixes
    // often let the misspelling find something too, so "as much" alone would be too strict.
    const fix = this.correct(query.text, parsed);
    if (fix) {
      const fixedQuery = withoutStopwords(parseQuery(fix, { prefixLast: true }));
      const better = this.rank(fixedQuery, pages);
      if (better.length >= Math.min(ranked.length, ENOUGH_RESULTS) && better.length > 0) {
        ranked = better;
        parsed = fixedQuery;
        corrected = fix;
      }
    }
    if (ranked.length < RELAX_BELOW) ranked = this.relax(parsed, ranked, pages);

    const facets = this.countFacets(ranked, filters, pages);
    const kept = ranked.filter((r) => matchesFilters(pages.get(r.pageId)!, filters));
    const results = kept.slice(offset, offset + limit).map((r) => this.hit(r, pages.get(r.pageId)!));
    return { results, total: kept.length, corrected, facets };
  }

  /** Every page the query finds, best first; every page (browse order) for an empty query. */
  private rank(parsed: ParsedQuery, pages: Map<PageId, PageFacetRow>): Ranked[] {
    if (isEmptyQuery(parsed)) {
      return [...pages.values()]
        .sort((a, b) => (TIER_ORDER[a.tier ?? ''] ?? 3) - (TIER_ORDER[b.tier ?? ''] ?? 3) || a.title.localeCompare(b.title))
        .map((p) => ({ pageId: p.id, sectionId: null, score: 0, match: null }));
    }
    // A last word that is already a corpus word is taken as typed: expanding "saga" to
    // "sagastep", "sagaorchestrator"… only pulls code listings up.
    for (const g of parsed.groups) for (const t of g.alternatives) if (t.prefix && this.repo.hasTerm(t.tokens[0]!)) t.prefix = false;
    const match = toMatchExpression(parsed, { expand: this.expand });
    const byPage = new Map<PageId, Ranked>();
    if (match) for (const m of this.repo.findMatchingPages(match)) addMatch(byPage, pages, m, match, 0);
    if (parsed.groups.every((g) => g.alternatives.length === 1) && parsed.excluded.length === 0) {
      const key = normaliseKey(titleKeyOf(parsed));
      const bonus = new Map<PageId, number>();
      for (const { pageId, kind } of this.repo.findByTitleKey(key)) bonus.set(pageId, Math.max(bonus.get(pageId) ?? 0, EXACT_TITLE_BONUS[kind]));
      for (const [id, b] of bonus) {
        const r = byPage.get(id);
        // The page itself, not one of its sections, is what an exact title asks for.
        if (r) Object.assign(r, { score: r.score + b, sectionId: null, match: null });
        else if (pages.has(id)) byPage.set(id, { pageId: id, sectionId: null, score: b, match: null });
      }
    }
    return [...byPage.values()].sort((a, b) => b.score - a.score);
  }

  private readonly expand = (prefix: string): string[] => this.repo.findTermsWithPrefix(prefix, PREFIX_EXPANSIONS);

  /**
   * A multi-word query whose words never meet in one section finds little: add the pages
   * that match any of its words, below every page that matched them all.
   */
  private relax(parsed: ParsedQuery, ranked: Ranked[], pages: Map<PageId, PageFacetRow>): Ranked[] {
    if (parsed.groups.length < 2) return ranked;
    const relaxed = toMatchExpression(parsed, { expand: this.expand, mode: 'any' });
    if (!relaxed) return ranked;
    const byPage = new Map(ranked.map((r) => [r.pageId, r]));
    for (const m of this.repo.findMatchingPages(relaxed)) addMatch(byPage, pages, m, relaxed, RELAXED_PENALTY);
    return [...byPage.values()].sort((a, b) => b.score - a.score);
  }

  /** The query with each unknown word replaced by the closest corpus word, or null when nothing changes. */
  private correct(text: string, parsed: ParsedQuery): string | null {
    const edits: { span: [number, number]; word: string }[] = [];
    for (const term of plainWords(parsed)) {
      const word = term.tokens[0]!;
      if (this.repo.hasTerm(word)) continue;
      if (term.prefix && this.repo.findTermsWithPrefix(word, 1).length > 0) continue;
      const expr = trigramExpression(word);
      if (!expr) continue;
      const maxEdits = maxEditsFor(word);
      const fix = bestCorrection(word, this.repo.findTrigramCandidates(expr, word.length - maxEdits, word.length + maxEdits, TRIGRAM_CANDIDATES));
      if (fix) edits.push({ span: term.span, word: fix });
    }
    if (edits.length === 0) return null;
    let out = text;
    for (const e of edits.sort((a, b) => b.span[0] - a.span[0])) out = out.slice(0, e.span[0]) + e.word + out.slice(e.span[1]);
    return out;
  }

  /** Facet counts over the matched pages; each facet counts with every other facet's filter applied (so a chosen value does not hide its siblings). */
  private countFacets(ranked: readonly Ranked[], filters: SearchFilters, pages: Map<PageId, PageFacetRow>): Record<Facet, FacetCount[]> {
    const counts = Object.fromEntries(FACETS.map((f) => [f, new Map<string, number>()])) as Record<Facet, Map<string, number>>;
    for (const r of ranked) {
      const page = pages.get(r.pageId)!;
      for (const f of FACETS) {
        const value = page[f];
        if (value === null || value === '') continue;
        if (!matchesFilters(page, filters, f)) continue;
        counts[f].set(value, (counts[f].get(value) ?? 0) + 1);
      }
    }
    const out = {} as Record<Facet, FacetCount[]>;
    for (const f of FACETS) {
      const entries = [...counts[f]].map(([value, count]) => ({ value, count }));
      entries.sort((a, b) =>
        f === 'tier'
          ? TIERS.indexOf(a.value as Tier) - TIERS.indexOf(b.value as Tier)
          : b.count - a.count || a.value.localeCompare(b.value),
      );
      out[f] = entries;
    }
    return out;
  }

  private hit(r: Ranked, page: PageFacetRow): SearchHit {
    const section = r.match !== null && r.sectionId !== null ? this.repo.findSectionSnippet(r.match, r.sectionId) : null;
    // A section that matched only by its heading (or the page title) has nothing to show: use the page's description.
    const text = section && section.snippet.trim() !== '' ? section.snippet : (this.repo.findLead(page.id)?.snippet ?? '');
    return {
      id: page.id,
      title: page.title,
      section: section?.heading ?? null,
      anchor: section?.anchor ?? null,
      snippet: markSnippet(text),
      tier: page.tier,
      type: page.type,
      score: Math.round(r.score * 1000) / 1000,
    };
  }

  /** Fuzzy/prefix over titles, aliases, headings and tags; recent pages first when the text is empty. */
  async quickSwitch(text: string, limit = 10): Promise<QuickSwitchHit[]> {
    return this.quickSwitchSync(text, limit);
  }

  /** The synchronous core of quickSwitch. The index is loaded on first use, not at start-up. */
  quickSwitchSync(text: string, limit = 10): QuickSwitchHit[] {
    const pages = this.fresh();
    if (!this.switcher) {
      const json = this.repo.blob(QUICK_SWITCH_BLOB);
      if (!json) return [];
      this.switcher = QuickSwitcher.fromJson(json);
    }
    const recent = this.deps.recentPageIds().filter((id) => pages.has(id));
    return this.switcher.find(text.slice(0, 500), Math.max(1, Math.min(limit, 100)), recent, {
      title: (id) => pages.get(id)?.title,
      tier: (id) => pages.get(id)?.tier ?? null,
    });
  }
}

function addMatch(byPage: Map<PageId, Ranked>, pages: Map<PageId, PageFacetRow>, m: PageMatch, match: string, penalty: number): void {
  if (byPage.has(m.pageId) || !pages.has(m.pageId)) return;
  byPage.set(m.pageId, { pageId: m.pageId, sectionId: m.sectionId, score: -m.bm25 - penalty, match });
}

/** True when a page passes every filter (except `skip`, when counting that facet). */
function matchesFilters(page: PageFacetRow, filters: SearchFilters, skip?: Facet): boolean {
  for (const f of FACETS) {
    if (f === skip) continue;
    const wanted = filters[f];
    if (!wanted || wanted.length === 0) continue;
    const value = page[f];
    if (value === null || !(wanted as readonly string[]).includes(value)) return false;
  }
  return true;
}
