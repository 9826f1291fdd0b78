import type { Database } from 'better-sqlite3';
import type { SearchApi, SearchHit, SearchQuery, SearchResponse } from '../../shared/contract/search';
import {
  isEmptyQuery,
  normaliseKey,
  parseQuery,
  plainWords,
  titleKeyOf,
  toMatchExpression,
  withoutStopwords,
  type MatchOptions,
  type ParsedQuery,
} from './fts-query';
import { pageNoOfSection } from '../database/section-keys';
import { SearchRepository } from './search-repository';
import type { PageFacets } from './page-facets';
import { combinedScore, EXACT_TITLE_BONUS, SYNONYM_FACTOR, type ScoreParts } from './page-score';
import { MAX_KEY_WORDS } from './thesaurus';
import { stemmer } from 'stemmer';
import { highlighterFor, plainSnippetHtml, snippetHtml } from './snippet-cutter';
import { bestCorrection, maxEditsFor, trigramExpression } from './spelling';

export interface SearchServiceDeps {
  /** How many entries of each per-word cache (typo corrections, word forms, prefix expansions, about pages, thesaurus entries) to remember (0: none). Default 1000. */
  correctionCacheSize?: number;
}

const DEFAULT_LIMIT = 20;
/** A corrected query that finds this many pages is good enough to show, even if the misspelling found more. */
const ENOUGH_RESULTS = 10;
/** A multi-word query whose words never meet in one section is relaxed when AND finds fewer pages than this. */
const RELAX_BELOW = 5;
/** The any-word relaxation ranks every section with any of the words: affordable up to this many (~1 ms)… */
const ANY_WORD_MAX_SECTIONS = 1000;
/** …and beyond that, this many of those with the most of the words. */
const RELAXED_RANKED_SECTIONS = 300;
/** How many corpus words a prefix expands to. */
const PREFIX_EXPANSIONS = 12;
const TRIGRAM_CANDIDATES = 2000;
/** How many corpus words a stemmed prefix marks at most. */
const STEM_PREFIX_FORMS = 200;
/** Pages whose names and summary cover at least this share of a multi-word query are ranked even when no section has every word. */
const ABOUT_CANDIDATE = 0.5;
/** …at most this many of them (each costs a ranked lookup of its sections). */
const ABOUT_CANDIDATES_MAX = 12;

/** The words a prefix expands to, and whether they are all it matches (see SearchService.expansion). */
interface Expansion {
  words: string[];
  closed: boolean;
}

/** Parts of a result found by no text (an empty query, an exact title alone). */
const NO_PARTS: ScoreParts = {
  sections: 0,
  prior: 1,
  about: 0,
  title: 0,
  relaxed: false,
  synonym: 1,
  via: null,
};
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
/** What a query item found in a page's summary (not its names) counts for in its about share. */
const SUMMARY_HIT = 0.5;
/** How many thesaurus alternatives of a query are searched at most (each costs a ranked query). */
const MAX_REWRITES = 2;

interface Ranked {
  /** The page's number in content.db. */
  no: number;
  sectionId: number | null;
  score: number;
  parts: ScoreParts;
  /** The thesaurus rewrite of the query that found it (absent: the query as typed). */
  query?: ParsedQuery;
}

/** One result with the parts of its score (`dstudio search --explain`). */
export interface ExplainedHit {
  id: string;
  title: string;
  score: number;
  parts: ScoreParts;
}

/** What the service keeps per index generation: small (tens of kB for the real corpus). */
interface IndexState {
  generation: string | null;
  facets: PageFacets;
  /** Each page's prior by its number (page-score.ts). */
  priors: Float32Array;
  corrections: Map<string, string | null>;
  /** A word's corpus forms (the words sharing its stem), null for a word not in the vocabulary. */
  forms: Map<string, string[] | null>;
  /** The corpus words a prefix expands to. */
  expansions: Map<string, Expansion>;
  /** The pages whose names or summary match a query item's expression (see aboutCoverage). */
  about: Map<string, [number, number][]>;
  /** A phrase's thesaurus entries (see rewrites). */
  alternatives: Map<string, { alt: string; weight: number }[]>;
}

/**
 * Full-text search over content.db (FTS5 per section, grouped by page; the quick switcher is
 * switcher-service.ts). Caches small per-page metadata and typo corrections, all dropped
 * whenever the index is rebuilt.
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
    this.state = {
      ...this.repo.loadState(),
      corrections: new Map(),
      forms: new Map(),
      expansions: new Map(),
      about: new Map(),
      alternatives: new Map(),
    };
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
    const limit = Math.max(1, Math.min(query.limit ?? DEFAULT_LIMIT, 200));
    const offset = Math.max(0, query.offset ?? 0);
    const { ranked, parsed, corrected } = this.rankText(s, query.text);
    const filter = s.facets.filter(query.filters ?? {});
    const facets = s.facets.count(
      ranked.map((r) => r.no),
      filter,
    );
    const kept = ranked.filter((r) => s.facets.matches(r.no, filter));
    const results = this.hits(s, kept.slice(offset, offset + limit), parsed);
    return { results, total: kept.length, corrected, facets };
  }

  /** The best results for a query with the parts of their scores (`dstudio search --explain`). */
  explainSync(query: SearchQuery): ExplainedHit[] {
    const s = this.fresh();
    const filter = s.facets.filter(query.filters ?? {});
    const top = this.rankText(s, query.text)
      .ranked.filter((r) => s.facets.matches(r.no, filter))
      .slice(0, Math.max(1, Math.min(query.limit ?? DEFAULT_LIMIT, 200)));
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
    const fix = this.correct(s, text, parsed);
    if (fix) {
      const fixedQuery = withoutStopwords(parseQuery(fix, { prefixLast: true }));
      const better = this.rank(s, fixedQuery);
      if (
        better.length > 0 &&
        (better.length >= ENOUGH_RESULTS || better.length >= (ranked = this.rank(s, parsed)).length)
      ) {
        ranked = better;
        parsed = fixedQuery;
        corrected = fix;
      }
    }
    ranked ??= this.rank(s, parsed);
    ranked = this.withAlternatives(s, parsed, ranked);
    if (ranked.length < RELAX_BELOW) ranked = this.relax(s, parsed, ranked);
    return { ranked, parsed, corrected };
  }

  /**
   * Every page the query finds, best first; every page (browse order) for an empty query. A
   * page's score (page-score.ts) weighs its sections' text relevance by what kind of page it
   * is and by how much of the query its names and summary cover; a page named exactly by the
   * query comes first.
   */
  private rank(s: IndexState, parsed: ParsedQuery): Ranked[] {
    if (isEmptyQuery(parsed))
      return s.facets
        .browseOrder()
        .map((no) => ({ no, sectionId: null, score: 0, parts: { ...NO_PARTS, prior: s.priors[no] ?? 1 } }));
    // A last word that is already a corpus word is taken as typed: expanding "saga" to
    // "sagastep", "sagaorchestrator"… only pulls code listings up.
    for (const g of parsed.groups)
      for (const t of g.alternatives) if (t.prefix && this.isWord(s, t.tokens[0]!)) t.prefix = false;
    const opts = this.matchOptions(s);
    const about = this.aboutCoverage(s, parsed, opts);
    const byPage = new Map<number, Ranked>();
    const match = toMatchExpression(parsed, opts);
    if (match) this.addMatches(s, byPage, this.repo.findMatchingSections(match), about, false);
    // A page about most of a multi-word query whose words never meet in one of its sections is
    // still ranked, by its sections' any-word relevance: it is often the page wanted.
    const any = parsed.groups.length >= 2 ? toMatchExpression(parsed, { ...opts, mode: 'any' }) : null;
    if (any) {
      const missing = [...about]
        .filter(([no, share]) => share >= ABOUT_CANDIDATE && !byPage.has(no) && s.facets.has(no))
        .sort((a, b) => b[1] - a[1])
        .slice(0, ABOUT_CANDIDATES_MAX)
        .map(([no]) => no);
      if (missing.length > 0)
        this.addMatches(s, byPage, this.repo.findMatchingSectionsOfPages(any, missing), about, false);
    }
    if (parsed.groups.every((g) => g.alternatives.length === 1) && parsed.excluded.length === 0) {
      const key = normaliseKey(titleKeyOf(parsed));
      const bonus = new Map<number, number>();
      for (const { no, kind } of this.repo.findByTitleKey(key))
        if (s.facets.has(no)) bonus.set(no, Math.max(bonus.get(no) ?? 0, EXACT_TITLE_BONUS[kind]));
      for (const [no, b] of bonus) {
        const r = byPage.get(no) ?? {
          no,
          sectionId: null,
          score: 0,
          parts: { ...NO_PARTS, prior: s.priors[no] ?? 1, about: about.get(no) ?? 0 },
        };
        // The page itself, not one of its sections, is what an exact title asks for.
        r.sectionId = null;
        r.parts.title = b;
        r.score = combinedScore(r.parts);
        byPage.set(no, r);
      }
    }
    return sortRanked(s, [...byPage.values()]);
  }

  /**
   * The ranking with what the query's corpus-mined alternatives find (thesaurus.ts): each of
   * the best few is searched in place of the words it stands for, and its results count at
   * SYNONYM_FACTOR × the entry's weight — a page keeps whichever score is higher.
   */
  private withAlternatives(s: IndexState, parsed: ParsedQuery, ranked: Ranked[]): Ranked[] {
    const rewrites = this.rewrites(s, parsed);
    if (rewrites.length === 0) return ranked;
    const byPage = new Map(ranked.map((r) => [r.no, r]));
    for (const { query, alt, weight } of rewrites)
      for (const r of this.rank(s, query)) {
        const parts: ScoreParts = { ...r.parts, synonym: SYNONYM_FACTOR * weight, via: alt };
        const score = combinedScore(parts);
        if ((byPage.get(r.no)?.score ?? -Infinity) < score) byPage.set(r.no, { ...r, parts, score, query });
      }
    return sortRanked(s, [...byPage.values()]);
  }

  /**
   * The query with a run of its words replaced by a thesaurus alternative, for the best few
   * (highest weight, then the longest run). Only plain words and phrases take part: an OR, a
   * partial last word or an exclusion keeps the query as typed.
   */
  private rewrites(
    s: IndexState,
    parsed: ParsedQuery,
  ): { query: ParsedQuery; alt: string; weight: number }[] {
    const g = parsed.groups;
    const plain = g.map((x) => x.alternatives.length === 1 && !x.alternatives[0]!.prefix);
    const runs = new Map<string, [number, number]>();
    for (let i = 0; i < g.length; i++)
      for (let j = i; j < Math.min(g.length, i + MAX_KEY_WORDS) && plain[j]; j++)
        runs.set(
          g
            .slice(i, j + 1)
            .flatMap((x) => x.alternatives[0]!.tokens)
            .join(' '),
          [i, j + 1],
        );
    if (runs.size === 0) return [];
    // Looked up in one statement for the phrases not remembered yet (an entry-less phrase is remembered too).
    const entries = new Map(
      [...runs.keys()].flatMap((k) => (s.alternatives.has(k) ? [[k, s.alternatives.get(k)!]] : [])),
    );
    const unknown = [...runs.keys()].filter((k) => !entries.has(k));
    if (unknown.length > 0) {
      for (const k of unknown) entries.set(k, []);
      for (const { key, alt, weight } of this.repo.findAlternatives(unknown))
        entries.get(key)!.push({ alt, weight });
      for (const k of unknown) this.remember(s.alternatives, k, () => entries.get(k)!);
    }
    return [...entries]
      .flatMap(([key, list]) => list.map((e) => ({ key, ...e })))
      .sort((a, b) => b.weight - a.weight || b.key.length - a.key.length)
      .slice(0, MAX_REWRITES)
      .map(({ key, alt, weight }) => {
        const [from, to] = runs.get(key)!;
        const tokens = alt.split(' ');
        const term = { tokens, phrase: tokens.length > 1, prefix: false, span: [0, 0] as [number, number] };
        return {
          query: { ...parsed, groups: [...g.slice(0, from), { alternatives: [term] }, ...g.slice(to)] },
          alt,
          weight,
        };
      });
  }

  /**
   * Adds the pages of the sections a query found ([section id, rank]) that are not in byPage
   * yet. A page's text relevance is its best section plus its 2nd and 3rd best at half and
   * quarter weight — a page that treats the words in several sections is more about them than
   * one that mentions them once. Grouped here rather than in SQL: the section → page map is
   * in memory, and SQL's join and window function cost as much as ranking.
   */
  private addMatches(
    s: IndexState,
    byPage: Map<number, Ranked>,
    sections: readonly [number, number][],
    about: ReadonlyMap<number, number>,
    relaxed: boolean,
  ): void {
    const best = new Map<number, { sectionId: number; r1: number; r2: number; r3: number }>();
    for (const [sectionId, rank] of sections) {
      // A section's id encodes its page's number.
      const no = pageNoOfSection(sectionId);
      if (!s.facets.has(no) || byPage.has(no)) continue;
      const b = best.get(no);
      if (!b) best.set(no, { sectionId, r1: rank, r2: 0, r3: 0 });
      else if (rank < b.r1) Object.assign(b, { sectionId, r1: rank, r2: b.r1, r3: b.r2 });
      else if (rank < b.r2) Object.assign(b, { r2: rank, r3: b.r2 });
      else if (rank < b.r3) b.r3 = rank;
    }
    for (const [no, b] of best) {
      const parts: ScoreParts = {
        sections: -(b.r1 + b.r2 / 2 + b.r3 / 4),
        prior: s.priors[no] ?? 1,
        about: about.get(no) ?? 0,
        title: 0,
        relaxed,
        synonym: 1,
        via: null,
      };
      byPage.set(no, { no, sectionId: b.sectionId, score: combinedScore(parts), parts });
    }
  }

  /**
   * How much of the query each page's names (title, redirects, tags) and summary cover: per
   * query item, 1 for a page whose names have it and ½ for one whose summary has it, weighted
   * by how rare the item is there (an item every page's names share tells nothing); 0…1.
   * search_about has one row per page, so each lookup costs next to nothing.
   */
  private aboutCoverage(s: IndexState, parsed: ParsedQuery, opts: MatchOptions): Map<number, number> {
    const cover = new Map<number, number>();
    let total = 0;
    for (const g of parsed.groups) {
      const expr = toMatchExpression({ groups: [g], excluded: [] }, opts)!;
      const pages = this.remember(s.about, expr, () => this.repo.findAboutPages(expr));
      const weight = Math.log(1 + s.priors.length / (1 + pages.length));
      total += weight;
      for (const [no, inNames] of pages)
        cover.set(no, (cover.get(no) ?? 0) + weight * (inNames ? 1 : SUMMARY_HIT));
    }
    for (const [no, v] of cover) cover.set(no, v / total);
    return cover;
  }

  /** The prefix expansion of MATCH expressions (see expansion). */
  private matchOptions(s: IndexState): MatchOptions {
    return {
      expand: (prefix) => this.expansion(s, prefix).words,
      closed: (prefix) => this.expansion(s, prefix).closed,
    };
  }

  /**
   * The corpus words a prefix expands to in MATCH expressions (remembered with the
   * corrections): its completions used in page names when it has any — "strang" is typed for
   * "strangler", not "strange" — and then nothing else; otherwise its most frequent completions.
   */
  private expansion(s: IndexState, prefix: string): Expansion {
    return this.remember(s.expansions, prefix, () => {
      const names = this.repo.findNameTermsWithPrefix(prefix, PREFIX_EXPANSIONS);
      return names.length > 0
        ? { words: names, closed: true }
        : { words: this.repo.findTermsWithPrefix(prefix, PREFIX_EXPANSIONS), closed: false };
    });
  }

  /** The cached value of key, computed on a miss; a full cache is emptied (per-word lookups repeat within a session). */
  private remember<V>(cache: Map<string, V>, key: string, compute: () => V): V {
    if (cache.has(key)) return cache.get(key)!;
    const value = compute();
    if (this.cacheSize > 0) {
      if (cache.size >= this.cacheSize) cache.clear();
      cache.set(key, value);
    }
    return value;
  }

  /**
   * A multi-word query whose words never meet in one section finds little: add the pages
   * that have any of its words, ranked by the any-word expression, below every page that
   * matched them all. Ranking every such section of a long query costs up to twenty times
   * the AND query; above a thousand sections, only those with the most (then the rarest) of
   * the words are ranked — worked out from each word's unranked matches, which are cheap.
   */
  private relax(s: IndexState, parsed: ParsedQuery, ranked: Ranked[]): Ranked[] {
    if (parsed.groups.length < 2) return ranked;
    const opts = this.matchOptions(s);
    const any = toMatchExpression(parsed, { ...opts, mode: 'any' });
    if (!any) return ranked;
    // Every (section, word) pair as id·64 + word, sorted natively: each section's words are then adjacent.
    const lists = parsed.groups.map((g) =>
      this.repo.findMatchingSectionIds(toMatchExpression({ groups: [g], excluded: parsed.excluded }, opts)!),
    );
    const pairs = new Float64Array(lists.reduce((n, l) => n + l.length, 0));
    let k = 0;
    lists.forEach((ids, g) => {
      for (const id of ids) pairs[k++] = id * 64 + g;
    });
    pairs.sort();
    // Per section: one per word it has, plus less than one for how rare those words are (ties).
    const weight = lists.map((ids) => 1 + 1 / (lists.length * Math.log2(ids.length + 2)));
    const ids: number[] = [];
    const scores: number[] = [];
    for (let i = 0; i < pairs.length; i++) {
      const id = Math.floor(pairs[i]! / 64);
      const w = weight[pairs[i]! - id * 64]!;
      if (ids.at(-1) === id) {
        scores[scores.length - 1]! += w;
      } else {
        ids.push(id);
        scores.push(w);
      }
    }
    const byPage = new Map(ranked.map((r) => [r.no, r]));
    const about = this.aboutCoverage(s, parsed, opts);
    if (ids.length <= ANY_WORD_MAX_SECTIONS) {
      this.addMatches(s, byPage, this.repo.findMatchingSections(any), about, true);
    } else {
      // The score of the N-th best (a native numeric sort, no comparator), then all who reach
      // it: sections with the same words tie, and cutting inside a tie would pick by id.
      const threshold = Float64Array.from(scores).sort().at(-RELAXED_RANKED_SECTIONS)!;
      const best = ids.filter((_, i) => scores[i]! >= threshold).slice(0, 4 * RELAXED_RANKED_SECTIONS);
      this.addMatches(s, byPage, this.repo.findMatchingSectionsAmong(any, best), about, true);
    }
    return sortRanked(s, [...byPage.values()]);
  }

  /** The query with each unknown word replaced by the closest corpus word, or null when nothing changes. */
  private correct(s: IndexState, text: string, parsed: ParsedQuery): string | null {
    const edits: { span: [number, number]; word: string }[] = [];
    for (const term of plainWords(parsed)) {
      const word = term.tokens[0]!;
      const key = term.prefix ? `${word}*` : word;
      const fix = this.remember(s.corrections, key, () => this.correctWord(s, word, term.prefix));
      if (fix) edits.push({ span: term.span, word: fix });
    }
    if (edits.length === 0) return null;
    let out = text;
    for (const e of edits.sort((a, b) => b.span[0] - a.span[0]))
      out = out.slice(0, e.span[0]) + e.word + out.slice(e.span[1]);
    return out;
  }

  /** True when the word is in the corpus vocabulary (remembered with the corrections). */
  private isWord(s: IndexState, word: string): boolean {
    return this.vocabularyForms(s, word) !== null;
  }

  private vocabularyForms(s: IndexState, word: string): string[] | null {
    return this.remember(s.forms, word, () => this.repo.findWordForms(word));
  }

  /**
   * Every spelling FTS5 matches for a query word: the corpus words with its stem. A word the
   * corpus does not use (a number, an inflection it never has) is stemmed here to find them.
   */
  private formsOf(s: IndexState, word: string): readonly string[] {
    const known = this.vocabularyForms(s, word);
    if (known) return known;
    return /[a-z]/.test(word) ? [word, ...this.repo.findStemForms(stemmer(word))] : [word];
  }

  /** What FTS5 matches for the last word while typing, beyond the words that start with it (see QueryVocabulary). */
  private prefixForms(s: IndexState, prefix: string): readonly string[] {
    const { words, closed } = this.expansion(s, prefix);
    const expanded = words.flatMap((w) => this.formsOf(s, w));
    // FTS5 stems an open prefix too: "kubernets*" is "kubernet*", which matches "kubernetes".
    const stem = stemmer(prefix);
    return closed || stem === prefix
      ? expanded
      : [...expanded, ...this.repo.findTermsWithStemPrefix(stem, STEM_PREFIX_FORMS)];
  }

  /** The closest corpus word to an unknown word (null for a known word, a known prefix or no close word). */
  private correctWord(s: IndexState, word: string, prefix: boolean): string | null {
    if (this.isWord(s, word)) return null;
    if (prefix && this.repo.findTermsWithPrefix(word, 1).length > 0) return null;
    const expr = trigramExpression(word);
    if (!expr) return null;
    const maxEdits = maxEditsFor(word);
    return bestCorrection(
      word,
      this.repo.findTrigramCandidates(
        expr,
        word.length - maxEdits,
        word.length + maxEdits,
        TRIGRAM_CANDIDATES,
      ),
    );
  }

  /**
   * The hits for one page of results, read in one statement: each page's name, its best
   * section's text (snippets are cut from it here, see snippet-cutter.ts) and the page's lead, shown
   * for a page found without a section or by a section's heading alone.
   */
  private hits(s: IndexState, page: readonly Ranked[], parsed: ParsedQuery): SearchHit[] {
    const rows = new Map(page.length > 0 ? this.repo.findHitTexts(page).map((t) => [t.no, t]) : []);
    // A result found by a thesaurus alternative is marked with the words that found it.
    const highlighters = new Map<ParsedQuery, ReturnType<typeof highlighterFor>>();
    const highlighter = (q: ParsedQuery): ReturnType<typeof highlighterFor> =>
      highlighters.get(q) ??
      highlighters
        .set(
          q,
          highlighterFor(q, {
            forms: (w) => this.formsOf(s, w),
            prefixForms: (p) => this.prefixForms(s, p),
            closedPrefix: (p) => this.expansion(s, p).closed,
          }),
        )
        .get(q)!;
    return page.flatMap((r) => {
      const t = rows.get(r.no);
      if (!t) return [];
      const snippet = t.sectionId !== null ? snippetHtml(t.text, highlighter(r.query ?? parsed)) : '';
      return {
        id: t.pageId,
        title: t.title,
        section: t.heading,
        anchor: t.anchor,
        snippet: snippet || plainSnippetHtml(t.lead ?? ''),
        tier: s.facets.tier(r.no),
        type: s.facets.value(r.no, 'type'),
        score: Math.round(r.score * 1000) / 1000,
      };
    });
  }
}

/** Best first; equal scores by page id, so the order never depends on the order SQLite returned rows in. */
function sortRanked(s: IndexState, ranked: Ranked[]): Ranked[] {
  return ranked.sort((a, b) => b.score - a.score || s.facets.compareIds(a.no, b.no));
}
