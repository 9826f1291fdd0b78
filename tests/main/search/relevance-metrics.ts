import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** One judged query: graded relevant page ids (3 = the page wanted, 2 = highly relevant, 1 = relevant). */
export interface JudgedQuery {
  q: string;
  kind: 'name' | 'title' | 'concept' | 'typo' | 'phrase' | 'prefix' | 'pair' | 'question';
  relevant: Record<string, number>;
}

/** The judged query set for the real corpus (tests/fixtures/search-judgements.json). */
export function loadJudgements(): { corpus: 'snap-5'; queries: JudgedQuery[] } {
  return JSON.parse(
    readFileSync(resolve(import.meta.dirname, '../../fixtures/search-judgements.json'), 'utf8'),
  ) as {
    corpus: 'snap-5';
    queries: JudgedQuery[];
  };
}

/** nDCG@k with gains 2^grade − 1 (the usual graded form). */
export function ndcgAt(ranked: readonly string[], relevant: Record<string, number>, k = 10): number {
  const gain = (g: number): number => 2 ** g - 1;
  const dcg = ranked.slice(0, k).reduce((sum, id, i) => sum + gain(relevant[id] ?? 0) / Math.log2(i + 2), 0);
  const ideal = Object.values(relevant)
    .sort((a, b) => b - a)
    .slice(0, k)
    .reduce((sum, g, i) => sum + gain(g) / Math.log2(i + 2), 0);
  return ideal === 0 ? 0 : dcg / ideal;
}

/** Reciprocal rank of the first result graded as the page wanted (the highest grade of the query). */
export function reciprocalRank(ranked: readonly string[], relevant: Record<string, number>, k = 10): number {
  const top = Math.max(...Object.values(relevant));
  const i = ranked.slice(0, k).findIndex((id) => (relevant[id] ?? 0) >= top);
  return i === -1 ? 0 : 1 / (i + 1);
}

/** Mean nDCG@10 and MRR of a search function over the judged set, with the per-query numbers. */
export function evaluate(
  queries: readonly JudgedQuery[],
  search: (q: string) => string[],
): {
  ndcg: number;
  mrr: number;
  perQuery: { q: string; kind: string; ndcg: number; rr: number; top: string[] }[];
} {
  const perQuery = queries.map((j) => {
    const top = search(j.q).slice(0, 10);
    return { q: j.q, kind: j.kind, ndcg: ndcgAt(top, j.relevant), rr: reciprocalRank(top, j.relevant), top };
  });
  const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
  return { ndcg: mean(perQuery.map((p) => p.ndcg)), mrr: mean(perQuery.map((p) => p.rr)), perQuery };
}

/** Mean nDCG@10 and MRR per kind of query (the per-kind table of the bench), kinds in the order first met. */
export function byKind(
  perQuery: readonly { kind: string; ndcg: number; rr: number }[],
): { kind: string; queries: number; ndcg: number; mrr: number }[] {
  const kinds = [...new Set(perQuery.map((p) => p.kind))];
  return kinds.map((kind) => {
    const of = perQuery.filter((p) => p.kind === kind);
    const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
    return { kind, queries: of.length, ndcg: mean(of.map((p) => p.ndcg)), mrr: mean(of.map((p) => p.rr)) };
  });
}

/**
 * Mean nDCG@10 of the odd- and even-numbered judged queries (1st, 3rd, … and 2nd, 4th, …):
 * a change tuned to some judged queries lifts one half and not the other, so the gap shows overfitting.
 */
export function halves(perQuery: readonly { ndcg: number }[]): { odd: number; even: number } {
  const mean = (xs: readonly { ndcg: number }[]): number =>
    xs.reduce((a, b) => a + b.ndcg, 0) / Math.max(1, xs.length);
  return {
    odd: mean(perQuery.filter((_, i) => i % 2 === 0)),
    even: mean(perQuery.filter((_, i) => i % 2 === 1)),
  };
}
