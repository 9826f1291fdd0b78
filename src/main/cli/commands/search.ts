import type { SearchFilters } from '../../../shared/contract/search';
import type { Tier } from '../../../shared/domain';
import { SearchService, type ExplainedHit } from '../../search/search-service';
import { checkContractArgs, UsageError, type Command } from '../command';
import { pickFields, withContentDb } from '../read-content';

const LIST_FILTERS = ['type', 'category', 'status', 'relevance', 'difficulty'] as const;

/** `--tier gold,silver` → ['gold', 'silver']; also accepts the option repeated. */
function listOption(value: unknown): string[] | undefined {
  const raw = Array.isArray(value) ? value : typeof value === 'string' ? [value] : [];
  const items = raw
    .flatMap((v: string) => v.split(','))
    .map((v) => v.trim())
    .filter(Boolean);
  return items.length > 0 ? items : undefined;
}

/** The option behind a problem the contract's schema found in `[{ text, filters, limit }]`. */
function optionOf(path: PropertyKey[]): string {
  const [, field, filter] = path;
  if (field === 'filters' && typeof filter === 'string') return `--${filter}`;
  return field === 'text' ? 'the query' : `--${String(field)}`;
}

/** Plain text for a terminal: matched terms in *stars*, code in `backticks`, entities decoded. */
function plainSnippet(html: string): string {
  return html
    .replace(/<\/?mark>/g, '*')
    .replace(/<\/?code>/g, '`')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

/** One result with the parts of its score (see page-score.ts): score = sections × prior × (1 + w × about) [× relaxed] + title. */
function explainLine(rank: number, h: ExplainedHit): string {
  const p = h.parts;
  const parts = [
    `sections ${p.sections.toFixed(2)}`,
    `prior ${p.prior.toFixed(2)}`,
    `about ${p.about.toFixed(2)}`,
    ...(p.title > 0 ? [`title +${p.title}`] : []),
    ...(p.relaxed ? ['relaxed'] : []),
    ...(p.via !== null ? [`via "${p.via}" ×${p.synonym.toFixed(2)}`] : []),
  ];
  return `${rank}. ${h.score.toFixed(2)}  ${h.id}  (${parts.join(', ')})`;
}

export const searchCommand: Command = {
  name: 'search',
  summary: 'Search a content database (words, "phrases", -exclude, OR; filters by tier, type, …).',
  usage:
    'dstudio search --db FILE [--json] [--explain] [--limit N] [--tier gold,silver] [--type pattern] [--category C] [--status S] [--relevance R] [--difficulty D] "QUERY"',
  options: {
    db: { type: 'string' },
    json: { type: 'boolean' },
    explain: { type: 'boolean' },
    limit: { type: 'string' },
    tier: { type: 'string', multiple: true },
    type: { type: 'string', multiple: true },
    category: { type: 'string', multiple: true },
    status: { type: 'string', multiple: true },
    relevance: { type: 'string', multiple: true },
    difficulty: { type: 'string', multiple: true },
  },
  async run(values, positionals, io) {
    const limit = values.limit === undefined ? 10 : Number(values.limit);
    const filters: SearchFilters = {};
    const tiers = listOption(values.tier);
    // Checked with the rest by the contract's schema below.
    if (tiers) filters.tier = tiers as Tier[];
    for (const f of LIST_FILTERS) {
      const v = listOption(values[f]);
      if (v) filters[f] = v;
    }
    const text = positionals.join(' ');
    if (text.trim() === '' && Object.keys(filters).length === 0)
      throw new UsageError('give a query, or a filter to browse by');
    checkContractArgs('search', 'search', [{ text, filters, limit }], optionOf);

    return withContentDb(values, (db, file) => {
      // search_pages came with the current index layout; a file without it holds none, or one from an earlier build.
      const hasIndex = db
        .prepare(`SELECT count(*) AS n FROM sqlite_schema WHERE name IN ('sections_fts', 'search_pages')`)
        .get() as { n: number };
      if (hasIndex.n < 2) {
        io.err(
          `dstudio search: ${file} has no search index this DStudio can read (it was written by an older build). ` +
            'Import the corpus into a new file: dstudio import --corpus DIR --db NEW_FILE',
        );
        return 1;
      }
      const search = new SearchService(db);
      if (values.explain) {
        const explained = search.explainSync({ text, filters, limit });
        if (values.json) io.out(JSON.stringify({ results: explained }));
        else explained.forEach((h, i) => io.out(explainLine(i + 1, h)));
        return 0;
      }
      const response = search.searchSync({ text, filters, limit });
      if (values.json) {
        io.out(
          JSON.stringify({
            results: pickFields(response.results, ['id', 'title', 'section', 'snippet', 'tier', 'score']),
            total: response.total,
            corrected: response.corrected,
          }),
        );
        return 0;
      }
      if (response.corrected) io.out(`Showing results for "${response.corrected}" (searched for "${text}")`);
      if (response.results.length === 0) io.out('No results.');
      response.results.forEach((h, i) => {
        const chips = [h.tier, h.type].filter(Boolean).join(' · ');
        io.out(`${i + 1}. ${h.title}${h.section ? ` › ${h.section}` : ''}${chips ? `  [${chips}]` : ''}`);
        io.out(`   ${h.id}${h.anchor ? `#${h.anchor}` : ''}`);
        if (h.snippet) io.out(`   ${plainSnippet(h.snippet)}`);
      });
      io.out(`${response.results.length} of ${response.total} pages`);
      return 0;
    });
  },
};
