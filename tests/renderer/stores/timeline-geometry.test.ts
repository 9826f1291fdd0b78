import { describe, expect, it } from 'vitest';
import {
  AXIS_H,
  chartHeight,
  describeItem,
  fitLabel,
  inPlot,
  LABEL_W,
  LANE_H,
  maxScaleOf,
  panToShow,
  placeMarks,
  plotRightOf,
  ROW_GAP,
  spanLabelOf,
  tickCountOf,
} from '../../../src/renderer/src/stores/timeline-geometry';
import { layoutTimeline } from '../../../src/renderer/src/stores/timeline-model';
import { timelineItem } from './timeline-item';

const item = timelineItem;

// Two rows (data, net); two items share 2000 in "data", so that row has two lanes.
const layout = layoutTimeline([
  item({ id: 'p/a', title: 'Alpha', year: 2000 }),
  item({ id: 'p/b', title: 'Beta', year: 2000, tier: 'bronze' }),
  item({ id: 'p/c', title: 'Consensus protocols', year: 2009, category: 'net' }),
]);
/** One year is 100 pixels wide from the plot's left edge. */
const sx = (year: number) => LABEL_W + (year - 2000) * 100;

describe('timeline geometry', () => {
  it('stacks lanes and rows: height, and each bar at its row and lane', () => {
    expect(chartHeight(layout)).toBe(AXIS_H + 3 * LANE_H + 2 * ROW_GAP + 4);
    const marks = placeMarks(layout, sx, '');
    const at = (id: string) => marks.find((m) => m.p.item.id === id)!;
    expect(at('p/a')).toMatchObject({ x: LABEL_W + 1, y: AXIS_H, w: 98, match: false });
    expect(at('p/b').y).toBe(AXIS_H + LANE_H); // second lane of the same row
    expect(at('p/c')).toMatchObject({ x: LABEL_W + 901, y: AXIS_H + 2 * LANE_H + ROW_GAP });
  });

  it('marks the bars whose item matches the highlight text, and none for blank text', () => {
    expect(
      placeMarks(layout, sx, ' consensus ')
        .filter((m) => m.match)
        .map((m) => m.p.item.id),
    ).toEqual(['p/c']);
    expect(placeMarks(layout, sx, '   ').some((m) => m.match)).toBe(false);
  });

  it.each([
    ['Consensus protocols', 200, 'Consensus protocols'],
    ['Consensus protocols', 80, 'Consensus…'],
    ['Consensus protocols', 30, ''],
  ])('fits %j into a %i px bar as %j', (title, w, label) => {
    expect(fitLabel(title, w)).toBe(label);
  });

  it('limits zoom so one year is at most a readable width, and never below showing everything', () => {
    const plotRight = plotRightOf(1000);
    expect(plotRight).toBe(988);
    expect(plotRightOf(10)).toBe(LABEL_W + 100);
    // Ten years on 840 px: a year may grow from 84 px to 320 px.
    expect(maxScaleOf(layout, plotRight)).toBeCloseTo(3200 / 840);
    expect(maxScaleOf(layoutTimeline([item({})]), plotRight)).toBe(1);
    expect(tickCountOf(plotRight)).toBe(13);
    expect(tickCountOf(LABEL_W + 10)).toBe(2);
  });

  it('reads the span of the visible years, and pans an outside bar to the centre only', () => {
    expect(spanLabelOf([1960, 2031])).toBe('1960–2030 (71 years)');
    expect(spanLabelOf([1999.4, 2000.6])).toBe('1999–2000 (2 years)');
    const [first] = placeMarks(layout, sx, '');
    expect(inPlot(first!, 988)).toBe(true);
    expect(panToShow(first!, 988)).toBe(0);
    const far = placeMarks(layout, (y) => sx(y) + 2000, '')[0]!;
    expect(inPlot(far, 988)).toBe(false);
    expect(far.x + far.w / 2 + panToShow(far, 988)).toBe((LABEL_W + 988) / 2);
  });

  it('describes a bar for screen readers', () => {
    expect(describeItem(item({ title: 'Saga', year: 1987, month: 3, conflict: true }))).toBe(
      'Saga, 1987-03, gold, from front matter: introduced, conflicting years',
    );
  });
});
