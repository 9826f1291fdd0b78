import type { MatchKind } from '../../shared/contract';
import { normaliseItemText } from '../corpus/checklists';

/** An item as re-matching sees it: its key, text and section. */
export interface MatchableItem {
  key: string;
  text: string;
  sectionSlug: string;
}

export interface Rematch {
  /** Previous key → current key, with how it was found. */
  matched: { previousKey: string; currentKey: string; kind: MatchKind }[];
  /** Previous keys that found no item: "no longer in this guide". */
  orphaned: string[];
}

/** Below this word overlap an edited item is no longer "the same item". */
export const MIN_SIMILARITY = 0.5;

function words(text: string): string[] {
  return normaliseItemText(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/**
 * Word-level Dice coefficient (multiset). Item edits are word edits ("Kafka" → "Kafka or
 * Pulsar"), which this scores in proportion; a character distance would rate two short
 * unrelated items as close.
 */
export function similarity(a: string, b: string): number {
  const wa = words(a);
  const wb = words(b);
  if (!wa.length || !wb.length) return 0;
  const counts = new Map<string, number>();
  for (const w of wa) counts.set(w, (counts.get(w) ?? 0) + 1);
  let common = 0;
  for (const w of wb) {
    const n = counts.get(w) ?? 0;
    if (n > 0) {
      common++;
      counts.set(w, n - 1);
    }
  }
  return (2 * common) / (wa.length + wb.length);
}

/**
 * Finds, for each item a user saved state on, the item it belongs to now. In order:
 * the same key; else the same text elsewhere on the page (duplicates pair in order);
 * else the closest item by words within the same section; else it is orphaned. Each
 * current item takes at most one previous item. Pure: the sync engine calls it after
 * an update to count re-matched and orphaned items.
 */
export function rematch(previous: readonly MatchableItem[], current: readonly MatchableItem[]): Rematch {
  const matched: Rematch['matched'] = [];
  const currentKeys = new Set(current.map((c) => c.key));
  const taken = new Set<string>();
  let left: MatchableItem[] = [];
  for (const p of previous) {
    if (currentKeys.has(p.key)) {
      matched.push({ previousKey: p.key, currentKey: p.key, kind: 'exact' });
      taken.add(p.key);
    } else left.push(p);
  }
  // The usual case, every saved key still on the page: nothing to normalise or score.
  if (!left.length) return { matched, orphaned: [] };
  // Same text anywhere on the page: in page order, so duplicates pair first with first.
  const byText = new Map<string, MatchableItem[]>();
  for (const c of current) {
    if (taken.has(c.key)) continue;
    const t = normaliseItemText(c.text);
    byText.set(t, [...(byText.get(t) ?? []), c]);
  }
  left = left.filter((p) => {
    const c = byText.get(normaliseItemText(p.text))?.find((x) => !taken.has(x.key));
    if (!c) return true;
    matched.push({ previousKey: p.key, currentKey: c.key, kind: 'moved' });
    taken.add(c.key);
    return false;
  });
  // Close matches within the section, best pairs first so one edit cannot steal another's item.
  const pairs: { p: MatchableItem; c: MatchableItem; score: number }[] = [];
  for (const p of left)
    for (const c of current) {
      if (taken.has(c.key) || c.sectionSlug !== p.sectionSlug) continue;
      const score = similarity(p.text, c.text);
      if (score >= MIN_SIMILARITY) pairs.push({ p, c, score });
    }
  pairs.sort((a, b) => b.score - a.score);
  const done = new Set<string>();
  for (const { p, c } of pairs) {
    if (done.has(p.key) || taken.has(c.key)) continue;
    matched.push({ previousKey: p.key, currentKey: c.key, kind: 'edited' });
    done.add(p.key);
    taken.add(c.key);
  }
  return { matched, orphaned: left.filter((p) => !done.has(p.key)).map((p) => p.key) };
}
