/**
 * The hits of one page of results: each page's name and its best section's snippet (cut here
 * from the section's text, see snippet-cutter.ts), or the page's lead for a page found without
 * a section or by a section's heading alone.
 */
import type { SearchHit } from '../../shared/contract/search';
import type { ParsedQuery } from './fts-query';
import type { PageFacets } from './page-facets';
import type { Ranked } from './page-ranker';
import type { QueryWords } from './query-words';
import type { SearchRepository } from './search-repository';
import { plainSnippetHtml, snippetHtml } from './snippet-cutter';
import { highlighterFor, type Highlighter } from './snippet-highlighter';

/** The hits for the ranked pages shown (their texts read in one statement), in their order. */
export function buildHits(
  repo: SearchRepository,
  facets: PageFacets,
  words: QueryWords,
  shown: readonly Ranked[],
  parsed: ParsedQuery,
): SearchHit[] {
  const rows = new Map(shown.length > 0 ? repo.findHitTexts(shown).map((t) => [t.no, t]) : []);
  // A result found by a thesaurus alternative is marked with the words that found it.
  const highlighters = new Map<ParsedQuery, Highlighter | null>();
  const highlighter = (q: ParsedQuery): Highlighter | null =>
    highlighters.get(q) ?? highlighters.set(q, highlighterFor(q, words)).get(q)!;
  return shown.flatMap((r) => {
    const t = rows.get(r.no);
    if (!t) return [];
    const snippet = t.sectionId !== null ? snippetHtml(t.text, highlighter(r.query ?? parsed)) : '';
    return {
      id: t.pageId,
      title: t.title,
      section: t.heading,
      anchor: t.anchor,
      snippet: snippet || plainSnippetHtml(t.lead ?? ''),
      tier: facets.tier(r.no),
      type: facets.value(r.no, 'type'),
      score: Math.round(r.score * 1000) / 1000,
    };
  });
}
