/**
 * How a result's score is made, from parts that `dstudio search --explain` prints: the page's
 * sections' text relevance (bm25), what kind of page it is (its prior), how much of the query
 * its names and summary cover, and an exact-title bonus. Pure: no SQLite here.
 */
import type { TitleKeyKind } from './search-repository';

/** What a page is, as far as ranking cares: the pattern pages are what most searches are for. */
export type PageKind =
  'pattern' | 'principle' | 'case-study' | 'other' | 'guide' | 'module' | 'index' | 'exam';

/** A page as the index build reads it. */
export interface PriorSource {
  id: string;
  title: string;
  type: string | null;
  tier: string | null;
}

/**
 * Multiplies a page's text relevance. Long multi-topic learning modules, quizzes and exams,
 * indexes and glossaries mention every concept in passing, so their bm25 outscores the page
 * about the concept; these weights undo that. Tuned on the judged queries (see the bench).
 */
export const KIND_WEIGHT: Record<PageKind, number> = {
  pattern: 1,
  principle: 0.85,
  'case-study': 0.8,
  other: 0.7,
  guide: 0.6,
  module: 0.55,
  index: 0.5,
  exam: 0.35,
};
/** Added to a pattern page's weight by its excellence tier: a battle-tested pattern is what most readers want. */
export const TIER_WEIGHT: Record<string, number> = { gold: 0.15, silver: 0.1, bronze: 0.05 };

const EXAM = /(^|[-_/\s])(exam|examination|tests?|quiz|assessment)([-_/\s:]|$)/i;
const MODULE = /(^|[-_/\s])(mastery|module|learning|elite)([-_/\s:]|$)/i;
const INDEX = /(^|\/)(index|glossary|tags|progress|roadmap)$/;
const GUIDE_TYPE = /guide|reference|documentation|overview|section|cheat|learning-path/i;

/** The kind of a page, from its id (its place in the site), its type and its title. */
export function pageKind(p: PriorSource): PageKind {
  const last = p.id.split('/').at(-1)!;
  if (EXAM.test(p.type ?? '') || EXAM.test(last) || /\/tests\//.test(p.id) || EXAM.test(p.title))
    return 'exam';
  if (INDEX.test(p.id)) return 'index';
  if (MODULE.test(p.type ?? '') || MODULE.test(last) || MODULE.test(p.title)) return 'module';
  // A pattern lives in a category folder of the library; the library's own top-level pages are guides to it.
  if (/^pattern-library\/[^/]+\/.+/.test(p.id)) return 'pattern';
  if (p.id.startsWith('pattern-library/') || p.id.startsWith('reference/') || GUIDE_TYPE.test(p.type ?? ''))
    return 'guide';
  if (/(^|\/)case-studies\//.test(p.id) || /case-stud|system-design/i.test(p.type ?? '')) return 'case-study';
  if (p.id.startsWith('core-principles/')) return 'principle';
  return 'other';
}

/** The factor a page's text relevance is multiplied by (see KIND_WEIGHT). */
export function pagePrior(p: PriorSource): number {
  const kind = pageKind(p);
  return KIND_WEIGHT[kind] + (kind === 'pattern' ? (TIER_WEIGHT[p.tier ?? ''] ?? 0) : 0);
}

/** How much a page whose names and summary cover the whole query gains over one they do not mention. */
export const ABOUT_WEIGHT = 1.5;
/** Score added to a page named exactly by the query: it ranks first, a full title above a file name. */
export const EXACT_TITLE_BONUS: Record<TitleKeyKind, number> = {
  title: 1000,
  abbreviation: 950,
  alias: 900,
  head: 850,
  file: 800,
};
/**
 * Multiplies the score of a result found only by the any-word relaxation (when a query's
 * words meet in few sections): it still outranks a weak all-words match when it covers the
 * query better, rather than being dropped below every one.
 */
export const RELAXED_FACTOR = 0.6;
/**
 * Multiplies (with the thesaurus entry's own weight) the score of a result found by a query
 * word's corpus-mined alternative (thesaurus.ts) rather than by the words typed: another name
 * for the typed words is weaker evidence than the words themselves.
 */
export const SYNONYM_FACTOR = 0.6;

/** The parts of a result's score. */
export interface ScoreParts {
  /** Text relevance of the page's sections: its best section's bm25 plus its 2nd and 3rd best at half and quarter weight (positive, higher is better). */
  sections: number;
  /** The page's prior (pagePrior). */
  prior: number;
  /** Share of the query (weighted by how rare each word is in names) that the page's names (fully) or summary (half) cover, 0…1. */
  about: number;
  /** Exact-title bonus (EXACT_TITLE_BONUS), 0 without one. */
  title: number;
  /** Found only by the any-word relaxation. */
  relaxed: boolean;
  /** 1 for a result found by the words typed; SYNONYM_FACTOR × the entry's weight for one found by a thesaurus alternative. */
  synonym: number;
  /** The alternative that found it ("two phase commit" for "2pc"), null when the typed words did. */
  via: string | null;
}

/** The score results are sorted by. */
export function combinedScore(p: ScoreParts): number {
  return (
    p.sections * p.prior * (1 + ABOUT_WEIGHT * p.about) * (p.relaxed ? RELAXED_FACTOR : 1) * p.synonym +
    p.title * p.synonym
  );
}
