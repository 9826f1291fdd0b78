import { inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  decodeQuickSwitchBlob,
  encodeQuickSwitchDocs,
  type QuickSwitchEntry,
} from '../../../src/main/search/quick-switch-blob';

const ENTRIES: QuickSwitchEntry[] = [
  { kind: 'title', label: 'Circuit Breaker', no: 1, anchor: null },
  { kind: 'title', label: 'Bulkhead', no: 2, anchor: null },
  { kind: 'tag', label: 'resilience', no: 1, anchor: null },
  { kind: 'tag', label: 'resilience', no: 2, anchor: null },
  { kind: 'tag', label: 'resilience', no: 2, anchor: null },
  { kind: 'alias', label: 'breaker', no: 1, anchor: 'states' },
  { kind: 'heading', label: 'Half-Open State', no: 1, anchor: 'half-open-state' },
  { kind: 'heading', label: 'Overview', no: 1, anchor: 'overview' },
  { kind: 'heading', label: 'Overview', no: 2, anchor: 'overview_1' },
];

describe('encodeQuickSwitchDocs', () => {
  it('stores one document per kind and label with the pages and anchors it opens, a slug anchor left out, deflated', () => {
    const stored = JSON.parse(inflateRawSync(encodeQuickSwitchDocs(ENTRIES)).toString('utf8')) as unknown;
    expect(stored).toEqual([
      [
        [0, 'Circuit Breaker', [1, '']],
        [0, 'Bulkhead', [2, '']],
        [2, 'resilience', [1, '', 2, '']],
        [1, 'breaker', [1, 'states']],
      ],
      [
        ['Half-Open State', [1, '']],
        ['Overview', [1, '', 2, 'overview_1']],
      ],
    ]);
  });

  it('is read back by decodeQuickSwitchBlob', () => {
    const { docs, headings } = decodeQuickSwitchBlob(encodeQuickSwitchDocs(ENTRIES));
    expect(docs).toHaveLength(4);
    expect(headings[1]).toEqual(['Overview', [1, '', 2, 'overview_1']]);
  });
});
