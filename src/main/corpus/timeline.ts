import type { PageId, PageMeta, TimelineFact } from '../../shared/domain';
import type { RenderedSection } from '../render/types';

const EVOLUTION_HEADING = /evolution|timeline|history/i;
const YEAR = /\b(19[4-9]\d|20[0-4]\d)\b/g;

/**
 * Every year-bearing fact of a page with the field it came from: `introduced`,
 * `year_implemented`, and years named in the text of Evolution/Timeline/History sections.
 * A `year_implemented` earlier than `introduced` is flagged as a conflict on both.
 */
export function extractTimeline(pageId: PageId, meta: PageMeta, sections: RenderedSection[]): TimelineFact[] {
  const facts: TimelineFact[] = [];
  if (meta.introduced) {
    const { year, month } = meta.introduced;
    facts.push({
      pageId,
      field: 'introduced',
      year,
      month,
      value: month ? `${year}-${String(month).padStart(2, '0')}` : String(year),
      conflict: false,
    });
  }
  if (meta.yearImplemented !== null) {
    facts.push({
      pageId,
      field: 'year_implemented',
      year: meta.yearImplemented,
      month: null,
      value: String(meta.yearImplemented),
      conflict: false,
    });
  }
  if (meta.introduced && meta.yearImplemented !== null && meta.yearImplemented < meta.introduced.year) {
    for (const f of facts) f.conflict = true;
  }
  for (const s of sections) {
    if (!s.heading || !EVOLUTION_HEADING.test(s.heading)) continue;
    const seen = new Set<number>();
    for (const line of s.text.split('\n')) {
      for (const m of line.matchAll(YEAR)) {
        const year = Number(m[1]);
        if (seen.has(year)) continue;
        seen.add(year);
        facts.push({
          pageId,
          field: `text:${s.anchor ?? ''}`,
          year,
          month: null,
          value: line.trim().slice(0, 200),
          conflict: false,
        });
      }
    }
  }
  return facts;
}
