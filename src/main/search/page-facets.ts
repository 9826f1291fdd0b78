/**
 * The page metadata search filters, counts and orders by: each page's tier, type, category,
 * status, relevance and difficulty as small codes, and its place in id order and in browse
 * order, in one small fixed-stride table that the service reads on its first search. The
 * same data as JSON objects with ids and titles was many times larger and slow to parse on
 * the first search; ids and titles are read by SQL for the shown results only.
 * Hand-rolled rather than a serialisation library: a typed-array view over the stored bytes
 * is already the fastest possible read, and the table has one writer and one reader.
 */
import type { FacetCount, SearchFilters } from '../../shared/contract/search';
import { TIERS, type Tier } from '../../shared/domain';

export const FACETS = [
  'tier',
  'type',
  'category',
  'status',
  'relevance',
  'difficulty',
] as const satisfies readonly (keyof SearchFilters)[];
export type Facet = (typeof FACETS)[number];

/** One page as the index build reads it; `no` is the page's number in content.db. */
export type PageFacetSource = { no: number; id: string; title: string } & Record<Facet, string | null>;

/** The stored form: each facet's values (code k + 1 is values[facet][k]; 0 is none) and the table. */
export interface EncodedPageFacets {
  values: string;
  table: Buffer;
}

// Columns of a page's row (Uint16, little-endian). Order columns count from 1; 0 marks no page.
const ID_ORDER = 0;
const BROWSE_ORDER = 1;
const FIRST_FACET = 2;
const STRIDE = FIRST_FACET + FACETS.length;

/** Gold, silver, bronze, then pages without a (known) tier. */
function tierRank(tier: string | null): number {
  const i = TIERS.indexOf(tier as Tier);
  return i === -1 ? TIERS.length : i;
}

/** Code-point order: ids and facet values are ASCII slugs, and localeCompare would load ICU collation on the first search. */
function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The stored table of the pages (built with the search index). */
export function encodePageFacets(pages: readonly PageFacetSource[]): EncodedPageFacets {
  const values = Object.fromEntries(
    FACETS.map((f) => [
      f,
      [...new Set(pages.flatMap((p) => (p[f] === null || p[f] === '' ? [] : [p[f]])))].sort(byCodePoint),
    ]),
  ) as Record<Facet, string[]>;
  const rows = Math.max(0, ...pages.map((p) => p.no)) + 1;
  const table = Buffer.alloc(rows * STRIDE * 2);
  const put = (no: number, column: number, v: number) => table.writeUInt16LE(v, (no * STRIDE + column) * 2);
  [...pages].sort((a, b) => byCodePoint(a.id, b.id)).forEach((p, i) => put(p.no, ID_ORDER, i + 1));
  // Browse order (an empty query): tier, then title as people sort it.
  [...pages]
    .sort(
      (a, b) =>
        tierRank(a.tier) - tierRank(b.tier) || a.title.localeCompare(b.title) || byCodePoint(a.id, b.id),
    )
    .forEach((p, i) => put(p.no, BROWSE_ORDER, i + 1));
  for (const p of pages)
    FACETS.forEach((f, k) => put(p.no, FIRST_FACET + k, values[f].indexOf(p[f] ?? '') + 1));
  return { values: JSON.stringify(values), table };
}

/** The codes a filter accepts per facet (null: no filter on it); a value no page has accepts nothing. */
export type FacetFilter = (ReadonlySet<number> | null)[];

/** The pages' facets, read from the stored table. */
export class PageFacets {
  private readonly rows: Uint16Array;
  private readonly values: Record<Facet, string[]>;
  private browse: number[] | null = null;

  constructor(stored: EncodedPageFacets | null) {
    this.values = stored
      ? (JSON.parse(stored.values) as Record<Facet, string[]>)
      : (Object.fromEntries(FACETS.map((f) => [f, []])) as unknown as Record<Facet, string[]>);
    const bytes = stored?.table ?? Buffer.alloc(0);
    // A copy, so that the view is aligned; little-endian like every platform Electron runs on.
    this.rows = new Uint16Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  }

  /** True when `no` is an indexed page. */
  has(no: number): boolean {
    return no > 0 && (this.rows[no * STRIDE + ID_ORDER] ?? 0) !== 0;
  }

  value(no: number, facet: Facet): string | null {
    const code = this.rows[no * STRIDE + FIRST_FACET + FACETS.indexOf(facet)] ?? 0;
    return code === 0 ? null : this.values[facet][code - 1]!;
  }

  /** The page's tier (pages.tier only ever holds one of TIERS: a CHECK constraint). */
  tier(no: number): Tier | null {
    return this.value(no, 'tier') as Tier | null;
  }

  /** Orders pages by id (a stable tie-break that does not depend on the order rows were read in). */
  compareIds(a: number, b: number): number {
    return this.rows[a * STRIDE + ID_ORDER]! - this.rows[b * STRIDE + ID_ORDER]!;
  }

  /** Every page: tier first, then title. */
  browseOrder(): readonly number[] {
    if (!this.browse) {
      const nos: number[] = [];
      for (let no = 1; no * STRIDE < this.rows.length; no++) if (this.has(no)) nos.push(no);
      this.browse = nos.sort(
        (a, b) => this.rows[a * STRIDE + BROWSE_ORDER]! - this.rows[b * STRIDE + BROWSE_ORDER]!,
      );
    }
    return this.browse;
  }

  /** The codes the filters accept. */
  filter(filters: SearchFilters): FacetFilter {
    return FACETS.map((f) => {
      const wanted = filters[f];
      return wanted && wanted.length > 0
        ? new Set(wanted.map((v) => this.values[f].indexOf(v) + 1).filter((c) => c > 0))
        : null;
    });
  }

  /** True when the filter accepts every page (no facet filtered). */
  acceptsAll(filter: FacetFilter): boolean {
    return filter.every((wanted) => wanted === null);
  }

  /** True when the page passes every facet's filter (but the `skip`-th's, when counting that facet). */
  matches(no: number, filter: FacetFilter, skip = -1): boolean {
    for (let k = 0; k < FACETS.length; k++) {
      const wanted = filter[k];
      if (k !== skip && wanted && !wanted.has(this.rows[no * STRIDE + FIRST_FACET + k]!)) return false;
    }
    return true;
  }

  /**
   * How many of the pages have each value; each facet is counted with every other facet's
   * filter applied (so a chosen value does not hide its siblings). Tiers in tier order, other
   * values most pages first.
   */
  count(nos: readonly number[], filter: FacetFilter): Record<Facet, FacetCount[]> {
    const out = {} as Record<Facet, FacetCount[]>;
    const all = this.acceptsAll(filter);
    FACETS.forEach((f, k) => {
      const counts = new Uint32Array(this.values[f].length + 1);
      for (const no of nos)
        if (all || this.matches(no, filter, k)) counts[this.rows[no * STRIDE + FIRST_FACET + k]!]!++;
      const entries = this.values[f].flatMap((value, i) =>
        counts[i + 1]! > 0 ? [{ value, count: counts[i + 1]! }] : [],
      );
      out[f] =
        f === 'tier'
          ? entries.sort((a, b) => tierRank(a.value) - tierRank(b.value))
          : // values are in code-point order already: a stable sort keeps it within equal counts
            entries.sort((a, b) => b.count - a.count);
    });
    return out;
  }
}
