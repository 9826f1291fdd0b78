import MiniSearch, { type Options } from 'minisearch';
import type { QuickSwitchHit } from '../../shared/contract/search';
import type { PageId, Tier } from '../../shared/domain';

/** Name of the serialised quick-switcher index in search_blobs. */
export const QUICK_SWITCH_BLOB = 'quick-switch';

/** One entry of the quick switcher. Short keys: the index is stored and loaded as JSON. */
export interface QuickSwitchDoc {
  id: number;
  /** Page id. */
  p: PageId;
  k: QuickSwitchHit['kind'];
  /** The label that is searched and shown. */
  l: string;
  /** Anchor to open (headings, aliases with an anchor). */
  a: string | null;
}

/** The same options must be used to build the index and to load it. */
export const quickSwitchOptions: Options<QuickSwitchDoc> = {
  fields: ['l'],
  storeFields: ['p', 'k', 'l', 'a'],
  searchOptions: { prefix: true, fuzzy: 0.2, combineWith: 'AND' },
};

/** How much a match on each kind counts: a page's own title beats a heading that mentions the words. */
const KIND_BOOST: Record<QuickSwitchHit['kind'], number> = { title: 3, alias: 2.5, tag: 1.2, heading: 1 };
/** Pages read recently come first among similar matches. */
const RECENT_BOOST = 1.5;

export interface PageLookup {
  title(id: PageId): string | undefined;
  tier(id: PageId): Tier | null;
}

/** The quick switcher over a loaded minisearch index. */
export class QuickSwitcher {
  private constructor(private readonly mini: MiniSearch<QuickSwitchDoc>) {}

  /** Loads the index serialised by buildSearchIndex. */
  static fromJson(json: string): QuickSwitcher {
    return new QuickSwitcher(MiniSearch.loadJSON<QuickSwitchDoc>(json, quickSwitchOptions));
  }

  /** Fuzzy and prefix matches, best first, one hit per page and anchor; recent pages first when the text is empty. */
  find(text: string, limit: number, recent: readonly PageId[], pages: PageLookup): QuickSwitchHit[] {
    const hits: QuickSwitchHit[] = [];
    const seen = new Set<string>();
    const add = (p: PageId, kind: QuickSwitchHit['kind'], label: string, anchor: string | null): void => {
      const title = pages.title(p);
      const key = `${p}#${anchor ?? ''}`;
      if (title === undefined || seen.has(key) || hits.length >= limit) return;
      seen.add(key);
      hits.push({ id: p, title, kind, label, anchor, tier: pages.tier(p) });
    };
    if (text.trim() === '') {
      for (const p of recent) add(p, 'title', pages.title(p) ?? p, null);
      return hits;
    }
    const recentSet = new Set(recent);
    const results = this.mini.search(text, {
      boostDocument: (_id, _term, stored) => {
        const doc = stored as Partial<QuickSwitchDoc> | undefined;
        const kind = KIND_BOOST[doc?.k ?? 'heading'] ?? 1;
        return recentSet.has(doc?.p ?? '') ? kind * RECENT_BOOST : kind;
      },
    });
    for (const r of results) {
      add(r['p'] as PageId, r['k'] as QuickSwitchHit['kind'], r['l'] as string, (r['a'] as string | null) ?? null);
      if (hits.length >= limit) break;
    }
    return hits;
  }
}
