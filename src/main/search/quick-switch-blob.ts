import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { QuickSwitchDoc, QuickSwitchHeading } from '../../shared/contract/search';
import {
  QUICK_SWITCH_KINDS,
  type QuickSwitchKind,
  type QuickSwitchSource,
} from '../../shared/quick-switch-matcher';
import { pythonMarkdownSlug } from '../../shared/slug';

export { QUICK_SWITCH_KINDS, type QuickSwitchKind };

/** One thing the switcher can open: a page (by its number in search_pages) and an anchor in it. */
export interface QuickSwitchEntry {
  kind: QuickSwitchKind;
  label: string;
  no: number;
  anchor: string | null;
}

/** The stored entries, without the pages (those come from the search index's page rows). */
export type StoredQuickSwitch = Pick<QuickSwitchSource, 'docs' | 'headings'>;

/**
 * Stored form: raw-deflated JSON [docs, headings], one document per distinct (kind, label) —
 * "Overview" or "Trade-offs" head hundreds of pages — with the pages and anchors it opens as
 * a flat [no, anchor, …] list. A heading's anchor is '' when it is the label's slug (nineteen
 * in twenty are), which halves what the renderer loads.
 */
export function encodeQuickSwitchDocs(entries: readonly QuickSwitchEntry[]): Buffer {
  const docs = new Map<string, QuickSwitchDoc>();
  const headings = new Map<string, QuickSwitchHeading>();
  const seen = new Set<string>();
  for (const e of entries) {
    const kind = QUICK_SWITCH_KINDS.indexOf(e.kind);
    if (seen.has(`${kind}\u0000${e.label}\u0000${e.no}\u0000${e.anchor ?? ''}`)) continue;
    seen.add(`${kind}\u0000${e.label}\u0000${e.no}\u0000${e.anchor ?? ''}`);
    if (e.kind === 'heading') {
      let h = headings.get(e.label);
      if (!h) headings.set(e.label, (h = [e.label, []]));
      h[1].push(e.no, e.anchor === null || e.anchor === pythonMarkdownSlug(e.label) ? '' : e.anchor);
    } else {
      const key = `${kind}\u0000${e.label}`;
      let doc = docs.get(key);
      if (!doc) docs.set(key, (doc = [kind, e.label, []]));
      doc[2].push(e.no, e.anchor ?? '');
    }
  }
  return deflateRawSync(JSON.stringify([[...docs.values()], [...headings.values()]]));
}

/** The entries stored by encodeQuickSwitchDocs. */
export function decodeQuickSwitchBlob(blob: Buffer): StoredQuickSwitch {
  const [docs, headings] = JSON.parse(inflateRawSync(blob).toString('utf8')) as [
    QuickSwitchDoc[],
    QuickSwitchHeading[],
  ];
  return { docs, headings };
}
