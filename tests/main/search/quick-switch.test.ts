import { inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  encodeQuickSwitchDocs,
  QuickSwitcher,
  type QuickSwitchEntry,
  type SwitcherPages,
} from '../../../src/main/search/quick-switch';

const ENTRIES: QuickSwitchEntry[] = [
  { kind: 'title', label: 'Circuit Breaker', no: 1, anchor: null },
  { kind: 'title', label: 'Bulkhead', no: 2, anchor: null },
  { kind: 'title', label: 'Payment System', no: 3, anchor: null },
  { kind: 'tag', label: 'resilience', no: 1, anchor: null },
  { kind: 'tag', label: 'resilience', no: 2, anchor: null },
  { kind: 'tag', label: 'resilience', no: 2, anchor: null },
  { kind: 'alias', label: 'breaker', no: 1, anchor: 'states' },
];

const TITLES: Record<number, string> = { 1: 'Circuit Breaker', 2: 'Bulkhead', 3: 'Payment System' };

/** Pages 1–3, and headings found by a plain word match on a fixed list (what the FTS column does for the service). */
function pages(headings: { no: number; label: string; anchor: string }[] = []): SwitcherPages {
  return {
    page: (no) => (TITLES[no] ? { id: `p/${no}`, title: TITLES[no], tier: null } : undefined),
    headings: (text, limit) =>
      headings.filter((h) => h.label.toLowerCase().includes(text.toLowerCase())).slice(0, limit),
  };
}

describe('encodeQuickSwitchDocs', () => {
  it('stores one document per kind and label, with the pages and anchors it opens, deflated', () => {
    const docs = JSON.parse(inflateRawSync(encodeQuickSwitchDocs(ENTRIES)).toString('utf8')) as unknown[];
    expect(docs).toEqual([
      [0, 'Circuit Breaker', [1, '']],
      [0, 'Bulkhead', [2, '']],
      [0, 'Payment System', [3, '']],
      [2, 'resilience', [1, '', 2, '']],
      [1, 'breaker', [1, 'states']],
    ]);
  });
});

describe('QuickSwitcher', () => {
  const switcher = QuickSwitcher.fromBlob(encodeQuickSwitchDocs(ENTRIES));

  it('finds titles by prefix and with a typo, titles above aliases and tags', () => {
    expect(switcher.find('circ', 10, [], pages())[0]).toEqual({
      id: 'p/1',
      title: 'Circuit Breaker',
      kind: 'title',
      label: 'Circuit Breaker',
      anchor: null,
      tier: null,
    });
    expect(switcher.find('bulkhaed', 10, [], pages())[0]).toMatchObject({ id: 'p/2', kind: 'title' });
    expect(switcher.find('breaker', 10, [], pages()).map((h) => [h.kind, h.anchor])).toEqual([
      ['title', null],
      ['alias', 'states'],
    ]);
  });

  it('opens every page a shared label names, recently read pages first', () => {
    expect(switcher.find('resilience', 10, [], pages()).map((h) => h.id)).toEqual(['p/1', 'p/2']);
    expect(switcher.find('resilience', 10, [2], pages()).map((h) => h.id)).toEqual(['p/2', 'p/1']);
  });

  it('gives matching headings up to half of the list, and lists recent pages for empty text', () => {
    const heads = Array.from({ length: 8 }, (_, i) => ({
      no: 3,
      label: `Payment step ${i}`,
      anchor: `step-${i}`,
    }));
    const hits = switcher.find('pay', 4, [], pages(heads));
    expect(hits.map((h) => h.kind)).toEqual(['title', 'heading', 'heading', 'heading']);
    expect(switcher.find('  ', 10, [3, 9, 1], pages()).map((h) => h.id)).toEqual(['p/3', 'p/1']);
  });

  it('skips entries of pages that are gone', () => {
    const gone: SwitcherPages = { ...pages(), page: (no) => (no === 1 ? undefined : pages().page(no)) };
    expect(switcher.find('circuit', 10, [], gone)).toEqual([]);
  });
});
