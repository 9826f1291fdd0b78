import type { TimelineItem } from '../../shared/contract/evolution';
import type { PageId } from '../../shared/domain';
import type { AliasRow, EvolutionPageRow, FactRow } from './evolution-repository';
import { NameIndex } from './name-index';

/** Front-matter fields that state when a page's subject began. */
const ORIGIN_FIELDS = new Set(['introduced', 'year_implemented']);
/** `Actor Model (1960)`: up to four capitalised words right before a parenthesised year. */
const NAMED_YEAR = /((?:[A-Z][\w-]*\s+){0,3}[A-Z][\w-]*)\s+\((\d{4})\)/g;

/** The timeline row of a page: its category, else the folder it lives in. */
export function rowOf(page: EvolutionPageRow): string {
  if (page.category) return page.category;
  const parts = page.id.split('/');
  return parts.length > 2 ? parts[parts.length - 2]! : (parts[0] ?? 'other');
}

function sourceOf(f: FactRow): string {
  if (f.field.startsWith('text:')) return f.heading ? `section “${f.heading}”` : 'page text';
  return `front matter: ${f.field}`;
}

/** An origin year stated for a page, by its own front matter or by another page's text. */
interface OriginClaim {
  fact: FactRow;
  year: number;
  label: string;
}

/** The page a `Name (year)` in a line of text dates, when the name resolves to another page. */
function namedOrigins(f: FactRow, index: NameIndex): PageId[] {
  const out: PageId[] = [];
  for (const m of f.value.matchAll(NAMED_YEAR)) {
    if (Number(m[2]) !== f.year) continue;
    const words = m[1]!.split(/\s+/);
    // The longest tail of the words that names a page ("from the Actor Model" → "Actor Model").
    for (let i = 0; i < words.length; i++) {
      const id = index.resolveName(words.slice(i).join(' '));
      if (id && id !== f.pageId) {
        out.push(id);
        break;
      }
    }
  }
  return out;
}

/**
 * Turns stored facts into timeline items. Origin years of a page come from its front matter
 * (`introduced`, `year_implemented`) and from other pages' text that dates it by name
 * (`Actor Model (1960)`); when they disagree, every fact involved is flagged and lists the others.
 */
export function buildTimeline(
  pages: EvolutionPageRow[],
  facts: FactRow[],
  aliases: AliasRow[],
): TimelineItem[] {
  const byId = new Map(pages.map((p) => [p.id, p]));
  const index = new NameIndex(pages, aliases);
  const claims = new Map<PageId, OriginClaim[]>();
  const claim = (pageId: PageId, c: OriginClaim) => claims.set(pageId, [...(claims.get(pageId) ?? []), c]);
  const dated = new Map<FactRow, PageId[]>();
  for (const f of facts) {
    if (ORIGIN_FIELDS.has(f.field))
      claim(f.pageId, { fact: f, year: f.year, label: `${sourceOf(f)} = ${f.year}` });
  }
  for (const f of facts) {
    if (!f.field.startsWith('text:')) continue;
    const named = namedOrigins(f, index).filter((id) => claims.has(id));
    if (named.length === 0) continue;
    dated.set(f, named);
    for (const id of named)
      claim(id, { fact: f, year: f.year, label: `${sourceOf(f)} of ${f.pageId} = ${f.year}` });
  }

  const items: TimelineItem[] = [];
  for (const f of facts) {
    const page = byId.get(f.pageId);
    if (!page) continue;
    const section = f.field.startsWith('text:');
    const subjects = section ? (dated.get(f) ?? []) : [f.pageId];
    const others = subjects.flatMap((id) =>
      (claims.get(id) ?? [])
        .filter((c) => c.fact !== f && c.year !== f.year)
        .map((c) => (id === f.pageId ? c.label : `${id}: ${c.label}`)),
    );
    items.push({
      id: page.id,
      title: page.title,
      tier: page.tier,
      type: page.type,
      category: rowOf(page),
      status: page.status,
      year: f.year,
      month: f.month,
      field: section ? 'section' : f.field,
      origin: section ? 'section' : 'front-matter',
      source: sourceOf(f),
      anchor: section ? f.field.slice('text:'.length) || null : null,
      value: f.value,
      conflict: others.length > 0 || (!section && f.conflict === 1),
      conflictWith: others,
    });
  }
  return items;
}
