import type { Database } from 'better-sqlite3';
import {
  MAX_SEARCH_RESULTS,
  type SearchApi,
  type SearchQuery,
  type SearchResponse,
} from '../../shared/contract/search';
import { parseQuery, withoutStopwords, type ParsedQuery } from './fts-query';
import { SearchRepository } from './search-repository';
import type { PageFacets } from './page-facets';
import type { ScoreParts } from './page-score';
import { PageRanker, type Ranked } from './page-ranker';
import { QueryWords } from './query-words';
import { buildHits } from './search-hits';

export interface SearchServiceDeps {
  /** How many entries of each per-word cache (typo corrections, word forms, prefix expansions, about pages, thesaurus entries) to remember (0: none). Default 1000. */
  correctionCacheSize?: number;
}

const DEFAULT_LIMIT = 20;
/** The request's result count within the contract's range (the CLI and the bench call searchSync without the contract's schema). */
const limitOf = (q: SearchQuery): number =>
  Math.max(1, Math.min(q.limit ?? DEFAULT_LIMIT, MAX_SEARCH_RESULTS));
/** A corrected query that finds this many pages is good enough to show, even if the misspelling found more. */
const ENOUGH_RESULTS = 10;
/**
 * The warm-up's queries: together they take every step of a search — a misspelt word and a
 * partial one, words that meet in one section and words that do not (relaxed), an acronym the
 * thesaurus expands, an exact title, a phrase with an exclusion, an OR.
 */
const WARM_UP_QUERIES = [
  'consistancy cach',
  'two phase commit',
  '2pc',
  'circuit breaker',
  'protect overload spikes',
  '"eventual consistency" -cassandra',
  'raft OR paxos',
];
/**
 * Rounds of the warm-up queries: V8 compiles a function to faster code only after it has run
 * a while, and the first search someone types should not be run by the interpreter.
 */
const WARM_UP_ROUNDS = 4;
/** One result with the parts of its score (`dstudio search --explain`). */
export interface ExplainedHit {
  id: string;
  title: string;
  score: number;
  parts: ScoreParts;
}

/** What the service keeps per index generation: small (tens of kB for the real corpus) beside the per-word caches. */
interface IndexState {
  generation: string | null;
  facets: PageFacets;
  words: QueryWords;
  ranker: PageRanker;
}

/**
 * Full-text search over content.db (FTS5 per section, grouped by page; the quick switcher is
 * switcher-service.ts): ranking in page-ranker.ts, per-word lookups in query-words.ts, hits
 * and snippets in search-hits.ts. Caches small per-page metadata and per-word lookups, all
 * dropped whenever the index is rebuilt.
 */
export class SearchService implements Pick<SearchApi, 'search'> {
  private readonly repo: SearchRepository;
  private readonly cacheSize: number;
  private state: IndexState | null = null;

  constructor(
    private readonly db: Database,
    deps: SearchServiceDeps = {},
  ) {
    this.repo = new SearchRepository(db);
    this.cacheSize = deps.correctionCacheSize ?? 1000;
  }

  /** The cached state, reloaded when the importer has rebuilt the index since it was filled. */
  private fresh(): IndexState {
    if (this.state && this.repo.generation() === this.state.generation) return this.state;
    const { generation, facets, priors } = this.repo.loadState();
    const words = new QueryWords(this.repo, this.cacheSize);
    this.state = { generation, facets, words, ranker: new PageRanker(this.repo, facets, priors, words) };
    return this.state;
  }

  /**
   * Runs throwaway searches through every step (WARM_UP_QUERIES), a few rounds, so that the
   * first search someone types does not pay for loading the index state, preparing statements,
   * reading the index's pages or running the search code uncompiled. One search per
   * macrotask, so that a request arriving meanwhile waits for one search at most. The app calls
   * it once right after start-up; it changes no result, and stops when the database is closed
   * (the app quitting).
   */
  async warmUp(): Promise<void> {
    for (let round = 0; round < WARM_UP_ROUNDS; round++)
      for (const text of WARM_UP_QUERIES) {
        await new Promise<void>((next) => setImmediate(next));
        if (!this.db.open) return;
        this.searchSync({ text, limit: 10 });
      }
  }

  /** Ranked results, grouped by page, with facet counts. Never throws on user input. */
  async search(query: SearchQuery): Promise<SearchResponse> {
    return this.searchSync(query);
  }

  /** The synchronous core of search (the CLI and the benchmark call it directly). */
  searchSync(query: SearchQuery): SearchResponse {
    const s = this.fresh();
    const limit = limitOf(query);
    const offset = Math.max(0, query.offset ?? 0);
    const { ranked, parsed, corrected } = this.rankText(s, query.text);
    const filter = s.facets.filter(query.filters ?? {});
    const facets = s.facets.count(
      ranked.map((r) => r.no),
      filter,
    );
    const kept = s.facets.acceptsAll(filter) ? ranked : ranked.filter((r) => s.facets.matches(r.no, filter));
    const results = buildHits(this.repo, s.facets, s.words, kept.slice(offset, offset + limit), parsed);
    return { results, total: kept.length, corrected, facets };
  }

  /** The best results for a query with the parts of their scores (`dstudio search --explain`). */
  explainSync(query: SearchQuery): ExplainedHit[] {
    const s = this.fresh();
    const filter = s.facets.filter(query.filters ?? {});
    const top = this.rankText(s, query.text)
      .ranked.filter((r) => s.facets.matches(r.no, filter))
      .slice(0, limitOf(query));
    const names = new Map(
      top.length > 0
        ? this.repo.findHitTexts(top.map((r) => ({ no: r.no, sectionId: null }))).map((t) => [t.no, t])
        : [],
    );
    return top.map((r) => ({
      id: names.get(r.no)?.pageId ?? '',
      title: names.get(r.no)?.title ?? '',
      score: r.score,
      parts: r.parts,
    }));
  }

  /**
   * Every page the text finds, best first, with the query that found them. A word the corpus
   * never uses is most likely misspelt: when the corrected query finds as much (or plenty),
   * its results are shown ("Showing results for …"). Stemming and prefixes often let the
   * misspelling find something too, so "as much" alone would be too strict. The corrected
   * query is ranked first: when it finds plenty, the misspelt one is never ranked.
   */
  private rankText(
    s: IndexState,
    text: string,
  ): { ranked: Ranked[]; parsed: ParsedQuery; corrected: string | null } {
    let parsed = withoutStopwords(parseQuery(text, { prefixLast: true }));
    let ranked: Ranked[] | null = null;
    let corrected: string | null = null;
    const fix = s.words.correct(text, parsed);
    if (fix) {
      const fixedQuery = withoutStopwords(parseQuery(fix, { prefixLast: true }));
      const better = s.ranker.rank(fixedQuery);
      if (
        better.length > 0 &&
        (better.length >= ENOUGH_RESULTS || better.length >= (ranked = s.ranker.rank(parsed)).length)
      ) {
        ranked = better;
        parsed = fixedQuery;
        corrected = fix;
      }
    }
    ranked ??= s.ranker.rank(parsed);
    ranked = s.ranker.withAlternatives(parsed, ranked);
    ranked = s.ranker.relax(parsed, ranked);
    return { ranked, parsed, corrected };
  }
}
