import type { TimelineItem } from '../../../shared/contract';
import type { Tier } from '../../../shared/domain';

/** A tier button of the timeline: the three tiers, plus pages without one. */
export const TIMELINE_TIERS = ['gold', 'silver', 'bronze', 'none'] as const;
export type TimelineTier = (typeof TIMELINE_TIERS)[number];

/** What the timeline shows; `text` only highlights, it never hides. */
export interface TimelineFilter {
  tiers: TimelineTier[];
  category: string;
  status: string;
  type: string;
  origin: '' | TimelineItem['origin'];
  text: string;
}

export function defaultTimelineFilter(): TimelineFilter {
  return { tiers: [...TIMELINE_TIERS], category: '', status: '', type: '', origin: '', text: '' };
}

export const tierOf = (i: { tier: Tier | null }): TimelineTier => i.tier ?? 'none';

/** The items the filter keeps (tier, category, status, type, origin). */
export function applyTimelineFilter(items: TimelineItem[], f: TimelineFilter): TimelineItem[] {
  return items.filter(
    (i) =>
      f.tiers.includes(tierOf(i)) &&
      (!f.category || i.category === f.category) &&
      (!f.status || i.status === f.status) &&
      (!f.type || i.type === f.type) &&
      (!f.origin || i.origin === f.origin),
  );
}

/** True when every word of the search text is in the item's title, id, source or text. */
export function matchesText(i: TimelineItem, text: string): boolean {
  const words = text.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return false;
  const hay = `${i.title} ${i.id} ${i.source} ${i.value}`.toLowerCase();
  return words.every((w) => hay.includes(w));
}

/** The distinct values of a field, sorted, for a filter's choices. */
export function valuesOf(items: TimelineItem[], key: 'category' | 'status' | 'type'): string[] {
  return [...new Set(items.map((i) => i[key]).filter((v): v is string => !!v))].sort();
}

/** An item placed on the chart: its row and its lane within the row (items of one year stack). */
export interface PlacedItem {
  key: string;
  item: TimelineItem;
  row: number;
  lane: number;
}

export interface TimelineRow {
  name: string;
  lanes: number;
  /** Lanes above this row, to place it. */
  offset: number;
}

export interface TimelineLayout {
  rows: TimelineRow[];
  placed: PlacedItem[];
  lanes: number;
  minYear: number;
  maxYear: number;
}

const TIER_ORDER: Record<TimelineTier, number> = { gold: 0, silver: 1, bronze: 2, none: 3 };

/**
 * One row per category; within a row, items of one year take successive lanes (front-matter
 * facts first, then by tier and title), so items that share a year stack instead of overlapping.
 */
export function layoutTimeline(items: TimelineItem[]): TimelineLayout {
  const names = [...new Set(items.map((i) => i.category))].sort();
  const rowIndex = new Map(names.map((n, i) => [n, i]));
  const sorted = [...items].sort(
    (a, b) =>
      a.year - b.year ||
      (a.origin === b.origin ? 0 : a.origin === 'front-matter' ? -1 : 1) ||
      TIER_ORDER[tierOf(a)] - TIER_ORDER[tierOf(b)] ||
      a.title.localeCompare(b.title) ||
      a.source.localeCompare(b.source),
  );
  const used = new Map<string, number>();
  const lanesOfRow = names.map(() => 1);
  const seen = new Map<string, number>();
  const placed = sorted.map((item) => {
    const row = rowIndex.get(item.category)!;
    const cell = `${row}:${item.year}`;
    const lane = used.get(cell) ?? 0;
    used.set(cell, lane + 1);
    lanesOfRow[row] = Math.max(lanesOfRow[row]!, lane + 1);
    const base = `${item.id}|${item.field}|${item.anchor ?? ''}|${item.year}`;
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    return { key: n ? `${base}|${n}` : base, item, row, lane };
  });
  let offset = 0;
  const rows = names.map((name, i) => {
    const r = { name, lanes: lanesOfRow[i]!, offset };
    offset += r.lanes;
    return r;
  });
  const years = items.map((i) => i.year);
  return {
    rows,
    placed,
    lanes: offset,
    minYear: years.length ? Math.min(...years) : new Date().getFullYear(),
    maxYear: years.length ? Math.max(...years) : new Date().getFullYear(),
  };
}

export const TABLE_COLUMNS = [
  'year',
  'title',
  'tier',
  'type',
  'category',
  'status',
  'source',
  'conflict',
] as const;
export type TableColumn = (typeof TABLE_COLUMNS)[number];

/** The items sorted by one column (ties by year, then title). */
export function sortItems(items: TimelineItem[], column: TableColumn, descending: boolean): TimelineItem[] {
  const value = (i: TimelineItem): string | number =>
    column === 'year'
      ? i.year * 100 + (i.month ?? 0)
      : column === 'tier'
        ? TIER_ORDER[tierOf(i)]
        : column === 'conflict'
          ? Number(!i.conflict)
          : (i[column] ?? '');
  const dir = descending ? -1 : 1;
  return [...items].sort((a, b) => {
    const x = value(a);
    const y = value(b);
    const c = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
    return c * dir || a.year - b.year || a.title.localeCompare(b.title);
  });
}

// RFC 4180 quoting is all CSV needs here; a CSV library would be a dependency for three lines.
const csvCell = (v: string | number | boolean | null) => {
  const s = v === null ? '' : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** The table as CSV (RFC 4180, CRLF line ends), one row per fact. */
export function toCsv(items: TimelineItem[]): string {
  const head = [
    'year',
    'month',
    'id',
    'title',
    'tier',
    'type',
    'category',
    'status',
    'field',
    'source',
    'value',
    'conflict',
    'conflict_with',
  ];
  const rows = items.map((i) =>
    [
      i.year,
      i.month,
      i.id,
      i.title,
      i.tier,
      i.type,
      i.category,
      i.status,
      i.field,
      i.source,
      i.value,
      i.conflict,
      i.conflictWith.join('; '),
    ]
      .map(csvCell)
      .join(','),
  );
  return [head.join(','), ...rows].join('\r\n') + '\r\n';
}

/** A key that moves the focus between the chart's bars. */
export type NavKey = 'ArrowLeft' | 'ArrowRight' | 'ArrowUp' | 'ArrowDown' | 'Home' | 'End';
export const NAV_KEYS: readonly string[] = ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End'];

/**
 * The bar the focus moves to from `from`: ← → step through the bar's row in time order, Home and
 * End jump to the row's first and last bar, ↑ ↓ go to the stacked line above or below (the next
 * row at the edge of a row), to the bar nearest in year. Null when there is nowhere to go.
 */
export function stepTimeline(layout: TimelineLayout, from: string, key: NavKey): string | null {
  const at = layout.placed.find((p) => p.key === from);
  if (!at) return layout.placed[0]?.key ?? null;
  const line = (p: PlacedItem) => layout.rows[p.row]!.offset + p.lane;
  if (key === 'ArrowUp' || key === 'ArrowDown') {
    const target = line(at) + (key === 'ArrowUp' ? -1 : 1);
    let best: PlacedItem | null = null;
    for (const p of layout.placed)
      if (
        line(p) === target &&
        (!best || Math.abs(p.item.year - at.item.year) < Math.abs(best.item.year - at.item.year))
      )
        best = p;
    return best?.key ?? null;
  }
  const row = layout.placed.filter((p) => p.row === at.row);
  const i = row.indexOf(at);
  const to = key === 'Home' ? 0 : key === 'End' ? row.length - 1 : i + (key === 'ArrowLeft' ? -1 : 1);
  return to === i ? null : (row[to]?.key ?? null);
}
