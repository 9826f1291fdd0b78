/**
 * Ranks the pages a parsed query finds (see page-score.ts for how a score is made): the
 * sections that have every word, grouped by page; the pages about most of a multi-word query;
 * exact titles; the thesaurus's alternatives; and, when the words meet in few sections, the
 * pages that have any of them (relax). One PageRanker per index generation.
 */
import {
  isEmptyQuery,
  normaliseKey,
  titleKeyOf,
  toMatchExpression,
  type MatchOptions,
  type ParsedQuery,
} from './fts-query';
import { pageNoOfSection } from '../database/section-keys';
import type { SearchRepository } from './search-repository';
import type { PageFacets } from './page-facets';
import { combinedScore, EXACT_TITLE_BONUS, SYNONYM_FACTOR, type ScoreParts } from './page-score';
import { MAX_KEY_WORDS } from './thesaurus';
import type { QueryWords } from './query-words';

/** A multi-word query whose words never meet in one section is relaxed when AND finds fewer pages than this. */
const RELAX_BELOW = 5;
/** The any-word relaxation ranks every section with any of the words: affordable up to this many… */
const ANY_WORD_MAX_SECTIONS = 1000;
/** …and beyond that, this many of those with the most of the words. */
const RELAXED_RANKED_SECTIONS = 300;
/** Pages whose names and summary cover at least this share of a multi-word query are ranked even when no section has every word. */
const ABOUT_CANDIDATE = 0.5;
/** …at most this many of them (each costs a ranked lookup of its sections). */
const ABOUT_CANDIDATES_MAX = 12;

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
/** What a query item found in a page's summary (not its names) counts for in its about share. */
const SUMMARY_HIT = 0.5;
/** How many thesaurus alternatives of a query are searched at most (each costs a ranked query). */
const MAX_REWRITES = 2;

/** A ranked page. */
export interface Ranked {
  /** The page's number in content.db. */
  no: number;
  sectionId: number | null;
  score: number;
  parts: ScoreParts;
  /** The thesaurus rewrite of the query that found it (absent: the query as typed). */
  query?: ParsedQuery;
}

export class PageRanker {
  constructor(
    private readonly repo: SearchRepository,
    private readonly facets: PageFacets,
    /** Each page's prior (page-score.ts) by its number. */
    private readonly priors: Float32Array,
    private readonly words: QueryWords,
  ) {}

  /**
   * Every page the query finds, best first; every page (browse order) for an empty query. A
   * page's score (page-score.ts) weighs its sections' text relevance by what kind of page it
   * is and by how much of the query its names and summary cover; a page named exactly by the
   * query comes first.
   */
  rank(parsed: ParsedQuery): Ranked[] {
    if (isEmptyQuery(parsed))
      return this.facets.browseOrder().map((no) => ({
        no,
        sectionId: null,
        score: 0,
        parts: { ...NO_PARTS, prior: this.priors[no] ?? 1 },
      }));
    // A last word that is already a corpus word is taken as typed: expanding "saga" to
    // "sagastep", "sagaorchestrator"… only pulls code listings up.
    for (const g of parsed.groups)
      for (const t of g.alternatives) if (t.prefix && this.words.isWord(t.tokens[0]!)) t.prefix = false;
    const opts = this.words.matchOptions;
    const about = this.aboutCoverage(parsed, opts);
    const byPage = new Map<number, Ranked>();
    const match = toMatchExpression(parsed, opts);
    if (match) this.addMatches(byPage, this.repo.findMatchingSections(match), about, false);
    // A page about most of a multi-word query whose words never meet in one of its sections is
    // still ranked, by its sections' any-word relevance: it is often the page wanted.
    const any = parsed.groups.length >= 2 ? toMatchExpression(parsed, { ...opts, mode: 'any' }) : null;
    if (any) {
      const missing = [...about]
        .filter(([no, share]) => share >= ABOUT_CANDIDATE && !byPage.has(no) && this.facets.has(no))
        .sort((a, b) => b[1] - a[1])
        .slice(0, ABOUT_CANDIDATES_MAX)
        .map(([no]) => no);
      if (missing.length > 0)
        this.addMatches(byPage, this.repo.findMatchingSectionsOfPages(any, missing), about, false);
    }
    if (parsed.groups.every((g) => g.alternatives.length === 1) && parsed.excluded.length === 0) {
      const key = normaliseKey(titleKeyOf(parsed));
      const bonus = new Map<number, number>();
      for (const { no, kind } of this.repo.findByTitleKey(key))
        if (this.facets.has(no)) bonus.set(no, Math.max(bonus.get(no) ?? 0, EXACT_TITLE_BONUS[kind]));
      for (const [no, b] of bonus) {
        const r = byPage.get(no) ?? {
          no,
          sectionId: null,
          score: 0,
          parts: { ...NO_PARTS, prior: this.priors[no] ?? 1, about: about.get(no) ?? 0 },
        };
        // The page itself, not one of its sections, is what an exact title asks for.
        r.sectionId = null;
        r.parts.title = b;
        r.score = combinedScore(r.parts);
        byPage.set(no, r);
      }
    }
    return sortRanked(this.facets, [...byPage.values()]);
  }

  /**
   * The ranking with what the query's corpus-mined alternatives find (thesaurus.ts): each of
   * the best few is searched in place of the words it stands for, and its results count at
   * SYNONYM_FACTOR × the entry's weight — a page keeps whichever score is higher.
   */
  withAlternatives(parsed: ParsedQuery, ranked: Ranked[]): Ranked[] {
    const rewrites = this.rewrites(parsed);
    if (rewrites.length === 0) return ranked;
    const byPage = new Map(ranked.map((r) => [r.no, r]));
    for (const { query, alt, weight } of rewrites)
      for (const r of this.rank(query)) {
        const parts: ScoreParts = { ...r.parts, synonym: SYNONYM_FACTOR * weight, via: alt };
        const score = combinedScore(parts);
        if ((byPage.get(r.no)?.score ?? -Infinity) < score) byPage.set(r.no, { ...r, parts, score, query });
      }
    return sortRanked(this.facets, [...byPage.values()]);
  }

  /**
   * The query with a run of its words replaced by a thesaurus alternative, for the best few
   * (highest weight, then the longest run). Only plain words and phrases take part: an OR, a
   * partial last word or an exclusion keeps the query as typed.
   */
  private rewrites(parsed: ParsedQuery): { query: ParsedQuery; alt: string; weight: number }[] {
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
    const entries = this.words.alternativesOf([...runs.keys()]);
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
    byPage: Map<number, Ranked>,
    sections: readonly [number, number][],
    about: ReadonlyMap<number, number>,
    relaxed: boolean,
  ): void {
    const best = new Map<number, { sectionId: number; r1: number; r2: number; r3: number }>();
    for (const [sectionId, rank] of sections) {
      // A section's id encodes its page's number.
      const no = pageNoOfSection(sectionId);
      if (!this.facets.has(no) || byPage.has(no)) continue;
      const b = best.get(no);
      if (!b) best.set(no, { sectionId, r1: rank, r2: 0, r3: 0 });
      else if (rank < b.r1) Object.assign(b, { sectionId, r1: rank, r2: b.r1, r3: b.r2 });
      else if (rank < b.r2) Object.assign(b, { r2: rank, r3: b.r2 });
      else if (rank < b.r3) b.r3 = rank;
    }
    for (const [no, b] of best) {
      const parts: ScoreParts = {
        sections: -(b.r1 + b.r2 / 2 + b.r3 / 4),
        prior: this.priors[no] ?? 1,
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
  private aboutCoverage(parsed: ParsedQuery, opts: MatchOptions): Map<number, number> {
    const cover = new Map<number, number>();
    let total = 0;
    for (const g of parsed.groups) {
      const expr = toMatchExpression({ groups: [g], excluded: [] }, opts)!;
      const pages = this.words.aboutPages(expr);
      const weight = Math.log(1 + this.priors.length / (1 + pages.length));
      total += weight;
      for (const [no, inNames] of pages)
        cover.set(no, (cover.get(no) ?? 0) + weight * (inNames ? 1 : SUMMARY_HIT));
    }
    for (const [no, v] of cover) cover.set(no, v / total);
    return cover;
  }

  /**
   * A multi-word query whose words never meet in one section finds little (fewer than
   * RELAX_BELOW pages; the ranking is returned as it is otherwise): add the pages that have
   * any of its words, ranked by the any-word expression, below every page that
   * matched them all. Ranking every such section of a long query costs up to twenty times
   * the AND query; above a thousand sections, only those with the most (then the rarest) of
   * the words are ranked — worked out from each word's unranked matches, which are cheap.
   */
  relax(parsed: ParsedQuery, ranked: Ranked[]): Ranked[] {
    if (parsed.groups.length < 2 || ranked.length >= RELAX_BELOW) return ranked;
    const opts = this.words.matchOptions;
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
    const about = this.aboutCoverage(parsed, opts);
    if (ids.length <= ANY_WORD_MAX_SECTIONS) {
      this.addMatches(byPage, this.repo.findMatchingSections(any), about, true);
    } else {
      // The score of the N-th best (a native numeric sort, no comparator), then all who reach
      // it: sections with the same words tie, and cutting inside a tie would pick by id.
      const threshold = Float64Array.from(scores).sort().at(-RELAXED_RANKED_SECTIONS)!;
      const best = ids.filter((_, i) => scores[i]! >= threshold).slice(0, 4 * RELAXED_RANKED_SECTIONS);
      this.addMatches(byPage, this.repo.findMatchingSectionsAmong(any, best), about, true);
    }
    return sortRanked(this.facets, [...byPage.values()]);
  }
}

/** Best first; equal scores by page id, so the order never depends on the order SQLite returned rows in. */
function sortRanked(facets: PageFacets, ranked: Ranked[]): Ranked[] {
  return ranked.sort((a, b) => b.score - a.score || facets.compareIds(a.no, b.no));
}
