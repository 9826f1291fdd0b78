import MiniSearch, { type Options } from 'minisearch';
import SearchableMap from 'minisearch/SearchableMap';
import type {
  QuickSwitchData,
  QuickSwitchDoc,
  QuickSwitchHeading,
  QuickSwitchHit,
  QuickSwitchPage,
} from './contract/search';
import type { PageId } from './domain';
import { pythonMarkdownSlug } from './slug';

/**
 * The quick switcher's matching, shared by the main process (quickSwitch over IPC, HTTP and
 * the CLI) and the renderer (which matches locally, in the keystroke's own task, once it has
 * loaded QuickSwitchData): one implementation, so both answer alike.
 */

export type QuickSwitchKind = QuickSwitchHit['kind'];
/** Kinds in the order the entries are stored (and win ties); a QuickSwitchDoc's kind is an index here. */
export const QUICK_SWITCH_KINDS = [
  'title',
  'alias',
  'tag',
  'heading',
] as const satisfies readonly QuickSwitchKind[];

/** The part of QuickSwitchData the index is built from (the rest is per request). */
export type QuickSwitchSource = Pick<QuickSwitchData, 'pages' | 'docs' | 'headings'>;

/** Most characters of a query looked at, and the largest list asked for. */
export const QUICK_SWITCH_MAX_TEXT = 500;
export const QUICK_SWITCH_MAX_LIMIT = 100;

const options: Options<{ id: number; l: string }> = {
  fields: ['l'],
  storeFields: [],
  searchOptions: { prefix: true, fuzzy: 0.2, combineWith: 'AND' },
};

/** How much a match on each kind counts: a page's own title beats an alias, an alias a tag. */
const KIND_BOOST: readonly number[] = [3, 2.5, 1.2, 1];
/** Pages read recently come first among similar matches. */
const RECENT_BOOST = 1.5;

/** Lower-case words without diacritics: how both headings and queries are split. */
export function switcherWords(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '');
}

/** Typos forgiven in a heading word of this length (short words: none, they match too much). */
function maxEdits(word: string): number {
  return word.length < 4 ? 0 : word.length < 8 ? 1 : 2;
}

/** Endings stripped, longest first, when a word matches no heading as typed. */
const INFLECTIONS = ['ings', 'ing', 'ied', 'ies', 'ed', 'es', 's', 'e'] as const;

/**
 * The word without an English inflection, as a prefix to try: "caching" → "cach" (finds
 * "Cache"), "cascade" → "cascad" (finds "Cascading"), "policies" → "polic". Not a stemming library: a Porter stem is
 * not a prefix of the word ("policy" → "polici"), and this matcher works on prefixes of the
 * headings' own words. Null when nothing is stripped or under three letters would remain.
 */
export function uninflected(word: string): string | null {
  for (const end of INFLECTIONS)
    if (word.endsWith(end) && word.length - end.length >= 3) return word.slice(0, -end.length);
  return null;
}

interface HeadingMatch {
  no: number;
  label: string;
  anchor: string;
}

/** Top-ranked labels kept per query: each opens at least one heading, so `limit` of them fill the list. */
interface Ranked {
  label: number;
  whole: number;
  words: number;
}

/**
 * Headings by their words: every query word must start a word of the heading (a word with no
 * such match is corrected to the heading words within one or two typos). Not minisearch:
 * indexing every distinct heading label of the real corpus there is slow to build and heavy
 * in memory for a keystroke-time structure; a sorted word list with its postings in two typed
 * arrays costs a fraction of that, and a one-letter query (thousands of matching labels) stays
 * fast (the switcher bench measures both). Ranked: more words matched whole, then shorter
 * headings, then page order.
 */
class HeadingMatcher {
  /** Distinct heading words, sorted (so a prefix is one range). */
  private readonly words: string[];
  /** Labels of words[w]: postings[starts[w] … starts[w + 1]). */
  private readonly starts: Uint32Array;
  private readonly postings: Uint32Array;
  /** Word count of each label. */
  private readonly lengths: Uint16Array;
  /** Per query and label: query words matched so far (as a stamp, see find) and how many of them whole. */
  private readonly seen: Uint32Array;
  private readonly whole: Uint16Array;
  private stamp = 0;
  /** Word → index in words, for typo correction (built up front: too slow to build on a keystroke). */
  private readonly fuzzy = new SearchableMap<number>();

  constructor(private readonly headings: readonly QuickSwitchHeading[]) {
    const n = headings.length;
    this.lengths = new Uint16Array(n);
    this.seen = new Uint32Array(n);
    this.whole = new Uint16Array(n);
    const byWord = new Map<string, number[]>();
    let total = 0;
    for (let i = 0; i < n; i++) {
      const ws = switcherWords(headings[i]![0]);
      this.lengths[i] = Math.min(ws.length, 0xffff);
      for (const w of ws) {
        const labels = byWord.get(w);
        if (!labels) byWord.set(w, [i]);
        else if (labels[labels.length - 1] !== i) labels.push(i);
        else continue;
        total++;
      }
    }
    this.words = [...byWord.keys()].sort();
    this.starts = new Uint32Array(this.words.length + 1);
    this.postings = new Uint32Array(total);
    let at = 0;
    this.words.forEach((w, k) => {
      this.starts[k] = at;
      for (const l of byWord.get(w)!) this.postings[at++] = l;
    });
    this.starts[this.words.length] = at;
    this.words.forEach((w, k) => this.fuzzy.set(w, k));
  }

  /** The first word index ≥ key. */
  private lowerBound(key: string): number {
    let lo = 0;
    let hi = this.words.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.words[mid]! < key) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Indices of the heading words within `edits` typos of `word`. */
  private corrections(word: string, edits: number): number[] {
    return [...this.fuzzy.fuzzyGet(word, edits).values()].map(([k]) => k);
  }

  find(text: string, limit: number): HeadingMatch[] {
    const query = [...new Set(switcherWords(text))];
    if (query.length === 0 || query.length > 64 || this.headings.length === 0) return [];
    // seen[l] - base + 1 = how many query words label l has matched (0 when below base): the
    // stamps only grow, so nothing needs clearing between queries.
    if (this.stamp > 0xffffffff - 128) {
      this.seen.fill(0);
      this.stamp = 0;
    }
    const base = this.stamp + 1;
    this.stamp = base + query.length;
    const top: Ranked[] = [];
    const better = (a: Ranked, b: Ranked): boolean =>
      a.whole !== b.whole ? a.whole > b.whole : a.words !== b.words ? a.words < b.words : a.label < b.label;
    for (let q = 0; q < query.length; q++) {
      const word = query[q]!;
      const last = q === query.length - 1;
      let any = false;
      const visit = (w: number, isWhole: boolean): void => {
        for (let p = this.starts[w]!, end = this.starts[w + 1]!; p < end; p++) {
          const l = this.postings[p]!;
          const before = this.seen[l]! >= base ? this.seen[l]! - base + 1 : 0;
          if (before !== q) continue; // misses an earlier word, or this word matched it already
          this.seen[l] = base + q;
          any = true;
          this.whole[l] = (q === 0 ? 0 : this.whole[l]!) + (isWhole ? 1 : 0);
          if (!last) continue;
          const r: Ranked = { label: l, whole: this.whole[l]!, words: this.lengths[l]! };
          if (top.length === limit && !better(r, top[limit - 1]!)) continue;
          let k = Math.min(top.length, limit - 1);
          top[k] = r;
          for (; k > 0 && better(r, top[k - 1]!); k--) [top[k], top[k - 1]] = [top[k - 1]!, r];
        }
      };
      // A prefix is one range of the sorted words, from the word itself (if it is one) on.
      const prefixed = (prefix: string, whole: (w: string) => boolean): void => {
        for (let w = this.lowerBound(prefix); w < this.words.length && this.words[w]!.startsWith(prefix); w++)
          visit(w, whole(this.words[w]!));
      };
      prefixed(word, (w) => w === word);
      // "caching" finds "Cache": the word without its ending, as a prefix (not counted whole).
      const root = any ? null : uninflected(word);
      if (root) prefixed(root, () => false);
      const edits = maxEdits(word);
      if (!any && edits > 0) for (const w of this.corrections(word, edits)) visit(w, true);
      if (!any) return [];
    }
    const out: HeadingMatch[] = [];
    for (const { label: l } of top) {
      const [label, targets] = this.headings[l]!;
      for (let i = 0; i < targets.length && out.length < limit; i += 2)
        out.push({
          no: targets[i] as number,
          label,
          anchor: (targets[i + 1] as string) || pythonMarkdownSlug(label),
        });
    }
    return out;
  }
}

/**
 * The quick switcher: minisearch (fuzzy and prefix) over the pages' titles, alias names and
 * tags, and a word-prefix matcher over their headings. Titles and aliases rank first;
 * matching headings get up to half of the list; recently read pages come first among similar
 * matches, and make up the list for an empty query.
 */
export class QuickSwitchIndex {
  private readonly byNo = new Map<number, QuickSwitchPage>();
  private readonly noOf = new Map<PageId, number>();
  private readonly mini = new MiniSearch(options);
  private readonly headings: HeadingMatcher;

  constructor(private readonly source: QuickSwitchSource) {
    for (const p of source.pages) {
      this.byNo.set(p[0], p);
      this.noOf.set(p[1], p[0]);
    }
    this.mini.addAll(source.docs.map((d, id) => ({ id, l: d[1] })));
    this.headings = new HeadingMatcher(source.headings);
  }

  /** Best first, one hit per page and anchor; `recent` are page ids, most recent first. */
  find(text: string, limit: number, recent: readonly PageId[]): QuickSwitchHit[] {
    text = text.slice(0, QUICK_SWITCH_MAX_TEXT);
    limit = Math.max(1, Math.min(Math.floor(limit) || 1, QUICK_SWITCH_MAX_LIMIT));
    const recentNos = recent.map((id) => this.noOf.get(id)).filter((n): n is number => n !== undefined);
    const hits: QuickSwitchHit[] = [];
    const seen = new Set<string>();
    const add = (no: number, kind: QuickSwitchKind, label: string | null, anchor: string | null): void => {
      const page = this.byNo.get(no);
      const key = `${no}#${anchor ?? ''}`;
      if (!page || seen.has(key) || hits.length >= limit) return;
      seen.add(key);
      hits.push({ id: page[1], title: page[2], kind, label: label ?? page[2], anchor, tier: page[3] });
    };
    if (text.trim() === '') {
      for (const no of recentNos) add(no, 'title', null, null);
      return hits;
    }
    const recentSet = new Set(recentNos);
    const docs = this.source.docs;
    const isRecent = (doc: QuickSwitchDoc): boolean =>
      doc[2].some((v, i) => i % 2 === 0 && recentSet.has(v as number));
    const results = this.mini.search(text, {
      boostDocument: (id) => {
        const doc = docs[id as number]!;
        return KIND_BOOST[doc[0]]! * (recentSet.size > 0 && isRecent(doc) ? RECENT_BOOST : 1);
      },
    });
    // Matching headings get up to half of the list, pages the rest (all of it if no heading matches).
    const headings = this.headings.find(text, limit);
    headings.sort((a, b) => Number(recentSet.has(b.no)) - Number(recentSet.has(a.no)));
    const pageSlots = limit - Math.min(headings.length, Math.floor(limit / 2));
    for (const r of results) {
      const [kind, label, targets] = docs[r.id as number]!;
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
