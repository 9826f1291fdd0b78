import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from 'better-sqlite3';
import type { QuickSwitchData } from '../../../src/shared/contract';
import { QuickSwitchIndex } from '../../../src/shared/quick-switch-matcher';
import { SwitcherService } from '../../../src/main/search/switcher-service';
import { seededContentDb } from './seed-content';

let db: Database;
let cleanup: () => void;
let recent: string[];
let search: SwitcherService;

beforeEach(() => {
  ({ db, cleanup } = seededContentDb());
  recent = [];
  search = new SwitcherService(db, { recentPageIds: () => recent });
});
afterEach(() => cleanup());

describe('SwitcherService.quickSwitch', () => {
  it('finds titles by prefix and with typos, titles before headings', async () => {
    const hits = await search.quickSwitch('circ');
    expect(hits[0]).toMatchObject({
      id: 'pattern-library/resilience/circuit-breaker',
      kind: 'title',
      tier: 'gold',
    });
    expect((await search.quickSwitch('bulkhaed'))[0]).toMatchObject({
      id: 'pattern-library/resilience/bulkhead',
      kind: 'title',
    });
  });

  it('finds headings with their anchor, tags and alias names', async () => {
    expect(await search.quickSwitch('half open')).toContainEqual(
      expect.objectContaining({
        id: 'pattern-library/resilience/circuit-breaker',
        kind: 'heading',
        anchor: 'half-open-state',
      }),
    );
    expect(await search.quickSwitch('messaging')).toContainEqual(
      expect.objectContaining({ id: 'pattern-library/communication/idempotent-receiver', kind: 'tag' }),
    );
    expect((await search.quickSwitch('2pc'))[0]).toMatchObject({
      id: 'pattern-library/coordination/two-phase-commit',
    });
  });

  it('finds headings by their words with a typo, and shares the list between pages and headings', async () => {
    expect(await search.quickSwitch('cascading failurs')).toContainEqual(
      expect.objectContaining({
        id: 'pattern-library/resilience/circuit-breaker',
        kind: 'heading',
        anchor: 'preventing-cascading-failures',
      }),
    );
    const hits = await search.quickSwitch('idempoten', 4);
    expect(hits[0]).toMatchObject({ id: 'pattern-library/communication/idempotent-receiver', kind: 'title' });
    expect(hits).toContainEqual(
      expect.objectContaining({ kind: 'heading', label: 'Idempotency keys', anchor: 'idempotency-keys' }),
    );
  });

  it('lists recent pages for an empty query and ranks them first among similar matches', async () => {
    recent = [
      'pattern-library/resilience/bulkhead',
      'no/such/page',
      'pattern-library/coordination/hybrid-logical-clocks',
    ];
    expect((await search.quickSwitch('')).map((h) => h.id)).toEqual([
      'pattern-library/resilience/bulkhead',
      'pattern-library/coordination/hybrid-logical-clocks',
    ]);
    recent = ['case-studies/payments/payment-system'];
    expect((await search.quickSwitch('p'))[0]!.id).toBe('case-studies/payments/payment-system');
  });

  it('hands out its data (JSON-safe), on which the shared matcher answers as quickSwitch does', async () => {
    recent = ['pattern-library/resilience/bulkhead'];
    const data = JSON.parse(JSON.stringify(await search.quickSwitchData())) as QuickSwitchData;
    expect(data.recent).toEqual(recent);
    const local = new QuickSwitchIndex(data);
    for (const text of ['circ', 'half open', 'cascading failurs', '2pc', '', 'b'])
      expect(local.find(text, 10, data.recent)).toEqual(await search.quickSwitch(text));
  });

  it('respects the limit and never throws on odd input', async () => {
    expect(await search.quickSwitch('a', 1)).toHaveLength(1);
    for (const text of ['"', '(', '*', '\u0000', 'x'.repeat(600), '🚀🚀'])
      await expect(search.quickSwitch(text)).resolves.toBeInstanceOf(Array);
  });
});
