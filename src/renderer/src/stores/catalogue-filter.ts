import { TIERS, type PageSummary, type Tier } from '../../../shared/domain';
import type { SettingValue } from '../../../shared/contract';

export const FACETS = ['category', 'status', 'relevance'] as const;
export type Facet = (typeof FACETS)[number];
export const SORTS = ['name', 'tier', 'introduced'] as const;
export type SortKey = (typeof SORTS)[number];

/** What the catalogue shows; remembered in user.db between runs. */
export interface CatalogueFilter {
  tiers: Tier[];
  category: string[];
  status: string[];
  relevance: string[];
  text: string;
  sort: SortKey;
}

/** Gold only, like the site's own tier selector. */
export function defaultFilter(): CatalogueFilter {
  return { tiers: ['gold'], category: [], status: [], relevance: [], text: '', sort: 'name' };
}

const strings = (v: SettingValue | undefined, allowed?: readonly string[]): string[] =>
  Array.isArray(v)
    ? v.filter((x): x is string => typeof x === 'string' && (!allowed || allowed.includes(x))).slice(0, 50)
    : [];

/** Reads a stored filter back, keeping only values that make sense (a setting may be from an older version). */
export function filterFromSetting(v: SettingValue | undefined): CatalogueFilter {
  const base = defaultFilter();
  if (!v || typeof v !== 'object' || Array.isArray(v)) return base;
  return {
    tiers: Array.isArray(v.tiers) ? (strings(v.tiers, TIERS) as Tier[]) : base.tiers,
    category: strings(v.category),
    status: strings(v.status),
    relevance: strings(v.relevance),
    text: typeof v.text === 'string' ? v.text.slice(0, 200) : '',
    sort:
      typeof v.sort === 'string' && (SORTS as readonly string[]).includes(v.sort)
        ? (v.sort as SortKey)
        : 'name',
  };
}

export function filterToSetting(f: CatalogueFilter): SettingValue {
  return {
    tiers: [...f.tiers],
    category: [...f.category],
    status: [...f.status],
    relevance: [...f.relevance],
    text: f.text,
    sort: f.sort,
  };
}

function matchesText(p: PageSummary, text: string): boolean {
  if (!text) return true;
  const hay = `${p.title} ${p.description ?? ''} ${p.category ?? ''} ${p.id}`.toLowerCase();
  return text
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .every((w) => hay.includes(w));
}

type Dimension = 'tier' | Facet | 'text';

function matches(p: PageSummary, f: CatalogueFilter, except: Dimension | null): boolean {
  if (except !== 'tier' && f.tiers.length > 0 && (p.tier === null || !f.tiers.includes(p.tier))) return false;
  for (const facet of FACETS) {
    if (except === facet || f[facet].length === 0) continue;
    const v = p[facet];
    if (v === null || !f[facet].includes(v)) return false;
  }
  return except === 'text' || matchesText(p, f.text.trim());
}

const TIER_RANK: Record<string, number> = { gold: 0, silver: 1, bronze: 2 };

function compare(sort: SortKey) {
  const byName = (a: PageSummary, b: PageSummary) =>
    a.title.localeCompare(b.title, undefined, { sensitivity: 'base' });
  if (sort === 'tier')
    return (a: PageSummary, b: PageSummary) =>
      (TIER_RANK[a.tier ?? ''] ?? 9) - (TIER_RANK[b.tier ?? ''] ?? 9) || byName(a, b);
  if (sort === 'introduced')
    return (a: PageSummary, b: PageSummary) =>
      (a.introducedYear ?? 99999) - (b.introducedYear ?? 99999) || byName(a, b);
  return byName;
}

/** The patterns a filter shows, sorted. */
export function applyFilter(patterns: readonly PageSummary[], f: CatalogueFilter): PageSummary[] {
  return patterns.filter((p) => matches(p, f, null)).sort(compare(f.sort));
}

export interface CountedValue {
  value: string;
  count: number;
}

/**
 * Counts per value of each facet among the patterns that pass every *other* filter
 * (the usual faceted-search rule: a facet's own selection does not shrink its counts).
 */
export function facetCounts(
  patterns: readonly PageSummary[],
  f: CatalogueFilter,
): Record<'tier' | Facet, CountedValue[]> {
  const out = {} as Record<'tier' | Facet, CountedValue[]>;
  for (const dim of ['tier', ...FACETS] as const) {
    const counts = new Map<string, number>();
    for (const p of patterns) {
      const v = p[dim];
      if (v === null || !matches(p, f, dim)) continue;
      counts.set(v, (counts.get(v) ?? 0) + 1);
    }
    // Selected values stay listed even at zero, so they can be unticked.
    const selected = dim === 'tier' ? f.tiers : f[dim];
    for (const s of selected) if (!counts.has(s)) counts.set(s, 0);
    const values = [...counts].map(([value, count]) => ({ value, count }));
    out[dim] =
      dim === 'tier'
        ? TIERS.map((t) => ({ value: t, count: counts.get(t) ?? 0 }))
        : values.sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
  }
  return out;
}
