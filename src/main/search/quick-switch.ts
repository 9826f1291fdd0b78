import MiniSearch, { type Options } from 'minisearch';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { QuickSwitchHit } from '../../shared/contract/search';

export type QuickSwitchKind = QuickSwitchHit['kind'];
/** Kinds in the order the entries are stored (and win ties). */
export const QUICK_SWITCH_KINDS = [
  'title',
  'alias',
  'tag',
  'heading',
] as const satisfies readonly QuickSwitchKind[];

/** One thing the switcher can open: a page (by its number in search_pages) and an anchor in it. */
export interface QuickSwitchEntry {
  kind: QuickSwitchKind;
  label: string;
  no: number;
  anchor: string | null;
}

/**
 * Stored form: one document per distinct (kind, label) — "Overview" or "Trade-offs" head
 * hundreds of pages — with the pages and anchors it opens as a flat [no, anchor, …] list
 * ('' = no anchor). Raw-deflated JSON: a tenth of minisearch's own serialisation, and
 * indexing these few thousand short labels on load is faster than parsing that.
 */
type StoredDoc = [kind: number, label: string, targets: (number | string)[]];

/** The quick switcher's entries in stored form (see StoredDoc). */
export function encodeQuickSwitchDocs(entries: readonly QuickSwitchEntry[]): Buffer {
  const docs = new Map<string, StoredDoc>();
  for (const e of entries) {
    const kind = QUICK_SWITCH_KINDS.indexOf(e.kind as (typeof QUICK_SWITCH_KINDS)[number]);
    const key = `${kind}\u0000${e.label}`;
    let doc = docs.get(key);
    if (!doc) docs.set(key, (doc = [kind, e.label, []]));
    const t = doc[2];
    const anchor = e.anchor ?? '';
    let seen = false;
    for (let i = 0; i < t.length && !seen; i += 2) seen = t[i] === e.no && t[i + 1] === anchor;
    if (!seen) t.push(e.no, anchor);
  }
  return deflateRawSync(JSON.stringify([...docs.values()]));
}

const options: Options<{ id: number; l: string }> = {
  fields: ['l'],
  storeFields: [],
  searchOptions: { prefix: true, fuzzy: 0.2, combineWith: 'AND' },
};

/** How much a match on each kind counts: a page's own title beats a heading that mentions the words. */
const KIND_BOOST: readonly number[] = QUICK_SWITCH_KINDS.map(
  (k) => ({ title: 3, alias: 2.5, tag: 1.2, heading: 1 })[k],
);
/** Pages read recently come first among similar matches. */
const RECENT_BOOST = 1.5;

export interface SwitcherPages {
  /** Title and tier of a page number, undefined when the page is gone. */
  page(no: number): { id: string; title: string; tier: QuickSwitchHit['tier'] } | undefined;
  /** Headings that match the text, best first. */
  headings(text: string, limit: number): { no: number; label: string; anchor: string | null }[];
}

/**
 * The quick switcher: minisearch (fuzzy and prefix) over the pages' titles, alias names and
 * tags, built from the stored entries when first used; headings come from the caller (the
 * FTS index's heading column) and share the list. Keeping the ~20,000 headings out of
 * minisearch keeps its index at about a megabyte instead of fourteen.
 */
export class QuickSwitcher {
  private constructor(
    private readonly docs: StoredDoc[],
    private readonly mini: MiniSearch<{ id: number; l: string }>,
  ) {}

  /** Loads the entries stored by buildSearchIndex and indexes them. */
  static fromBlob(blob: Buffer): QuickSwitcher {
    const docs = JSON.parse(inflateRawSync(blob).toString('utf8')) as StoredDoc[];
    const mini = new MiniSearch(options);
    mini.addAll(docs.map((d, id) => ({ id, l: d[1] })));
    return new QuickSwitcher(docs, mini);
  }

  /** Fuzzy and prefix matches, best first, one hit per page and anchor; recent pages first when the text is empty. */
  find(text: string, limit: number, recent: readonly number[], pages: SwitcherPages): QuickSwitchHit[] {
    const hits: QuickSwitchHit[] = [];
    const seen = new Set<string>();
    const add = (no: number, kind: QuickSwitchKind, label: string | null, anchor: string | null): void => {
      const page = pages.page(no);
      const key = `${no}#${anchor ?? ''}`;
      if (!page || seen.has(key) || hits.length >= limit) return;
      seen.add(key);
      hits.push({
        id: page.id,
        title: page.title,
        kind,
        label: label ?? page.title,
        anchor,
        tier: page.tier,
      });
    };
    if (text.trim() === '') {
      for (const no of recent) add(no, 'title', null, null);
      return hits;
    }
    const recentSet = new Set(recent);
    const isRecent = (doc: StoredDoc): boolean =>
      doc[2].some((v, i) => i % 2 === 0 && recentSet.has(v as number));
    const results = this.mini.search(text, {
      boostDocument: (id) => {
        const doc = this.docs[id as number]!;
        return KIND_BOOST[doc[0]]! * (recentSet.size > 0 && isRecent(doc) ? RECENT_BOOST : 1);
      },
    });
    // Matching headings get up to half of the list, pages the rest (all of it if no heading matches).
    const headings = pages.headings(text, limit);
    headings.sort((a, b) => Number(recentSet.has(b.no)) - Number(recentSet.has(a.no)));
    const pageSlots = limit - Math.min(headings.length, Math.floor(limit / 2));
    for (const r of results) {
      const [kind, label, targets] = this.docs[r.id as number]!;
      // A label shared by several pages: the recently read ones first.
      for (const pass of recentSet.size > 0 ? [true, false] : [false]) {
        for (let i = 0; i < targets.length && hits.length < pageSlots; i += 2) {
          const no = targets[i] as number;
          if (recentSet.size > 0 && recentSet.has(no) !== pass) continue;
          add(no, QUICK_SWITCH_KINDS[kind]!, label, (targets[i + 1] as string) || null);
        }
      }
      if (hits.length >= pageSlots) break;
    }
    for (const h of headings) add(h.no, 'heading', h.label, h.anchor);
    return hits;
  }
}
