import type { TimelineItem } from '../../../src/shared/contract';

/** A front-matter timeline fact of a gold pattern in "data", dated 2000, with `over` changed. */
export const timelineItem = (over: Partial<TimelineItem>): TimelineItem => ({
  id: 'p/a',
  title: 'A',
  tier: 'gold',
  type: 'pattern',
  category: 'data',
  status: null,
  year: 2000,
  month: null,
  field: 'introduced',
  origin: 'front-matter',
  source: 'front matter: introduced',
  anchor: null,
  value: '2000',
  conflict: false,
  conflictWith: [],
  ...over,
});
