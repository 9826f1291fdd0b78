import type { TimelineItem } from '../../../shared/contract';
import { matchesText, type PlacedItem, type TimelineLayout } from './timeline-model';

/** Width of the row labels on the left; the plot starts here. */
export const LABEL_W = 148;
/** Height of the year axis above the rows. */
export const AXIS_H = 26;
/** Height of one lane (one stacked bar). */
export const LANE_H = 20;
/** Space between two rows. */
export const ROW_GAP = 8;
const PAD_RIGHT = 12;
/** At the deepest zoom one year spans this many pixels: room for a title. */
const MAX_YEAR_PX = 320;
/** Average width of a label character at the chart's font size, to cut titles to their bar. */
const CHAR_PX = 6.6;

/** A bar as drawn: where, how wide, its label cut to fit, and whether it matches the highlight. */
export interface Mark {
  p: PlacedItem;
  x: number;
  y: number;
  w: number;
  label: string;
  match: boolean;
}

/** Top of row `index`, which has `offset` lanes above it. */
export const rowTop = (offset: number, index: number): number => AXIS_H + offset * LANE_H + index * ROW_GAP;

/** Height of the whole chart for a layout. */
export const chartHeight = (layout: TimelineLayout): number => rowTop(layout.lanes, layout.rows.length) + 4;

/** Right edge of the plot in a chart `width` pixels wide (never narrower than a minimal plot). */
export const plotRightOf = (width: number): number => Math.max(LABEL_W + 100, width - PAD_RIGHT);

/** How many year ticks fit the plot: about one per 64 pixels, at least two. */
export const tickCountOf = (plotRight: number): number => Math.max(2, Math.floor((plotRight - LABEL_W) / 64));

/** The deepest zoom: one year at MAX_YEAR_PX, and never below 1 (all years visible). */
export function maxScaleOf(layout: TimelineLayout, plotRight: number): number {
  const span = layout.maxYear + 1 - layout.minYear;
  return Math.max(1, (MAX_YEAR_PX * span) / (plotRight - LABEL_W));
}

/** The visible span of an x domain in years, for the zoom readout: "1960–2030 (70 years)". */
export function spanLabelOf([a, b]: readonly number[]): string {
  const from = Math.floor(a!);
  const to = Math.ceil(b!) - 1;
  return `${from}–${to} (${to - from + 1} years)`;
}

/** A title cut to what fits a bar `w` pixels wide, or '' when not even a few letters fit. */
export function fitLabel(title: string, w: number): string {
  const chars = Math.floor((w - 8) / CHAR_PX);
  if (chars < 4) return '';
  return title.length > chars ? `${title.slice(0, chars - 1)}…` : title;
}

/** Every placed item as a bar under the x scale `sx`, matched against the highlight text. */
export function placeMarks(layout: TimelineLayout, sx: (year: number) => number, highlight: string): Mark[] {
  const text = highlight.trim();
  return layout.placed.map((p) => {
    const row = layout.rows[p.row]!;
    const x0 = sx(p.item.year);
    const w = Math.max(6, sx(p.item.year + 1) - x0 - 2);
    return {
      p,
      x: x0 + 1,
      y: rowTop(row.offset + p.lane, p.row),
      w,
      label: fitLabel(p.item.title, w),
      match: text !== '' && matchesText(p.item, text),
    };
  });
}

/** Whether a bar is at least partly inside the plot. */
export const inPlot = (m: Mark, plotRight: number): boolean => m.x + m.w >= LABEL_W && m.x <= plotRight;

/** The pixels to pan so that a bar outside the plot comes to its centre; 0 when it is wholly inside. */
export function panToShow(m: Mark, plotRight: number): number {
  if (m.x >= LABEL_W && m.x + m.w <= plotRight) return 0;
  return (LABEL_W + plotRight) / 2 - (m.x + m.w / 2);
}

/** What a screen reader says for a bar. */
export function describeItem(i: TimelineItem): string {
  const when = i.month ? `${i.year}-${String(i.month).padStart(2, '0')}` : String(i.year);
  return `${i.title}, ${when}, ${i.tier ?? 'no tier'}, from ${i.source}${i.conflict ? ', conflicting years' : ''}`;
}
