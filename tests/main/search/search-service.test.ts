import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from 'better-sqlite3';
import { buildSearchIndex, SearchService } from '../../../src/main/search/search-index';
import { seededContentDb } from './seed-content';

let db: Database;
let cleanup: () => void;
let search: SearchService;

beforeEach(() => {
  ({ db, cleanup } = seededContentDb());
  search = new SearchService(db);
});
afterEach(() => cleanup());

const ids = async (text: string, extra: object = {}) =>
  (await search.search({ text, ...extra })).results.map((r) => r.id);

describe('SearchService.search', () => {
  it('ranks an exact title, abbreviation or alias name first', async () => {
    expect((await ids('hlc'))[0]).toBe('pattern-library/coordination/hybrid-logical-clocks');
    expect((await ids('2PC'))[0]).toBe('pattern-library/coordination/two-phase-commit');
    expect((await ids('two phase commit'))[0]).toBe('pattern-library/coordination/two-phase-commit');
    // the payment page mentions the circuit breaker too, but the title wins
    expect(await ids('circuit breaker')).toEqual([
      'pattern-library/resilience/circuit-breaker',
      'case-studies/payments/payment-system',
    ]);
  });

  it('returns each page once, with its best section, anchor and a marked, escaped snippet', async () => {
    const { results } = await search.search({ text: 'ledger bookkeeping' });
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({
      id: 'case-studies/payments/payment-system',
      section: 'Ledger <design> & "quotes"',
      anchor: 'ledger-design-quotes',
      tier: null,
      type: 'case-study',
    });
    expect(results[0]!.snippet).toContain('<mark>bookkeeping</mark>');
    expect(results[0]!.snippet.replace(/<\/?mark>/g, '')).not.toMatch(/[<>]/);
  });

  it('never returns a redirect alias as a result', async () => {
    const all = await search.search({ text: 'patterns' });
    expect(all.results.map((r) => r.id)).not.toContain('patterns/circuit-breaker');
    expect(
      (await search.search({ text: '', limit: 200 })).results.every((r) => !r.id.startsWith('patterns/')),
    ).toBe(true);
  });

  it('supports phrases, exclusions, OR and the last word as a prefix', async () => {
    expect(await ids('"fail fast"')).toEqual(['pattern-library/resilience/circuit-breaker']);
    expect(await ids('"fast fail"')).toEqual([]);
    expect(await ids('idempotency -ledger')).toEqual(['pattern-library/communication/idempotent-receiver']);
    expect((await ids('bulkhead OR hlc')).sort()).toEqual([
      'pattern-library/coordination/hybrid-logical-clocks',
      'pattern-library/resilience/bulkhead',
    ]);
    expect(await ids('coordinat')).toContain('pattern-library/coordination/two-phase-commit');
  });

  it('corrects a misspelt word from the corpus vocabulary', async () => {
    const r = await search.search({ text: 'idempotncy keys' });
    expect(r.corrected).toBe('idempotency keys');
    expect(r.results.map((h) => h.id)).toContain('pattern-library/communication/idempotent-receiver');
    expect((await search.search({ text: 'idempotency keys' })).corrected).toBeNull();
    // the same without the per-word correction cache, and again from the cache
    const uncached = new SearchService(db, { correctionCacheSize: 0 });
    expect(uncached.searchSync({ text: 'idempotncy keys' })).toEqual(r);
    expect(await search.search({ text: 'idempotncy keys' })).toEqual(r);
  });

  it('warms up without changing any result', async () => {
    const before = await search.search({ text: 'circuit breaker' });
    const warmed = new SearchService(db);
    await warmed.warmUp();
    expect(await warmed.search({ text: 'circuit breaker' })).toEqual(before);
  });

  it('warms up one search at a time, leaving the event loop free between them, and stops once the database is closed', async () => {
    const searched: string[] = [];
    const warmed = new SearchService(db);
    const searchSync = warmed.searchSync.bind(warmed);
    warmed.searchSync = (q) => (searched.push(q.text), searchSync(q));
    const done = warmed.warmUp();
    expect(searched).toEqual([]);
    await new Promise<void>((next) => setImmediate(next));
    expect(searched).toHaveLength(1);
    await new Promise<void>((next) => setImmediate(next));
    expect(searched).toHaveLength(2);
    db.close();
    await done;
    expect(searched).toHaveLength(2);
  });

  it('relaxes a multi-word query whose words never meet, a page about the query first', async () => {
    const r = await search.search({ text: 'breaker coordinator' });
    expect(r.total).toBeGreaterThan(0);
    const explained = search.explainSync({ text: 'breaker coordinator' });
    expect(explained.map((h) => h.id)).toEqual(r.results.map((h) => h.id));
    // the page whose name has half the query is ranked as a full match; the others are relaxed
    expect(explained[0]).toMatchObject({
      id: 'pattern-library/resilience/circuit-breaker',
      parts: { relaxed: false, about: 0.5 },
    });
    expect(explained.slice(1).every((h) => h.parts.relaxed)).toBe(true);
  });

  it('filters and counts facets, each facet counted with the other filters applied', async () => {
    const r = await search.search({ text: 'failures', filters: { tier: ['gold'] } });
    expect(r.results.map((h) => h.id)).toEqual(['pattern-library/resilience/circuit-breaker']);
    expect(r.total).toBe(1);
    expect(r.facets.tier).toEqual([
      { value: 'gold', count: 1 },
      { value: 'silver', count: 1 },
    ]);
    expect(r.facets.category).toEqual([{ value: 'resilience', count: 1 }]);
  });

  it('browses by facet with an empty query', async () => {
    const r = await search.search({ text: '', filters: { category: ['coordination'] } });
    expect(r.results.map((h) => h.id)).toEqual([
      'pattern-library/coordination/hybrid-logical-clocks',
      'pattern-library/coordination/two-phase-commit',
    ]);
    expect(r.results[0]!.snippet).toBe('Timestamps that combine physical time with a logical counter.');
    expect(r.facets.type).toEqual([{ value: 'pattern', count: 2 }]);
    const all = await search.search({ text: '  ' });
    expect(all.total).toBe(6);
    expect(all.facets.tier.map((f) => f.value)).toEqual(['gold', 'silver', 'bronze']);
    // A page without a description is shown by the first words of its first section.
    const payments = all.results.find((h) => h.id === 'case-studies/payments/payment-system')!;
    expect(payments).toMatchObject({ section: null, anchor: null });
    expect(payments.snippet).toBe(
      'A payment platform must never charge twice: it uses idempotency keys and a ledger.',
    );
  });

  it('shows an exactly named page first, as itself (no section), by its lead', async () => {
    const r = await search.search({ text: 'payment system' });
    expect(r.results[0]).toMatchObject({ id: 'case-studies/payments/payment-system', section: null });
    expect(r.results[0]!.snippet).toMatch(/^A payment platform must never charge twice/);
  });

  it('pages with limit and offset', async () => {
    const first = await search.search({ text: '', limit: 2 });
    const second = await search.search({ text: '', limit: 2, offset: 2 });
    expect(first.results).toHaveLength(2);
    expect(second.results.map((r) => r.id)).not.toContain(first.results[0]!.id);
    expect(second.total).toBe(6);
  });

  it('sees a rebuilt index without being recreated', async () => {
    expect(await ids('zebra')).toEqual([]);
    // edited behind the importer's back (the file's blob SHA is unchanged): only a forced rebuild sees it
    db.prepare(
      `UPDATE sections SET body = body || ' zebra' WHERE id = (SELECT no * 4096 FROM pages WHERE id = 'pattern-library/resilience/bulkhead')`,
    ).run();
    buildSearchIndex(db);
    expect(await ids('zebra')).toEqual([]);
    buildSearchIndex(db, { force: true });
    expect(await ids('zebra')).toEqual(['pattern-library/resilience/bulkhead']);
    // a section added to a page after the others: found in its page through its id
    db.prepare(
      `INSERT INTO sections (id, anchor, heading, level, body) SELECT no * 4096 + 99, 'okapi-notes', 'Okapi notes', 2, 'An okapi appears.' FROM pages WHERE id = 'pattern-library/resilience/circuit-breaker'`,
    ).run();
    buildSearchIndex(db);
    expect((await search.search({ text: 'okapi' })).results).toEqual([
      expect.objectContaining({
        id: 'pattern-library/resilience/circuit-breaker',
        section: 'Okapi notes',
        anchor: 'okapi-notes',
      }),
    ]);
    expect(await ids('half open')).toEqual(['pattern-library/resilience/circuit-breaker']);
  });

  it('never throws on odd input (fuzz)', async () => {
    const samples = [
      '"',
      '""',
      '-',
      '--x',
      '(',
      ')',
      '*',
      'a*',
      '^x',
      'col:x',
      'NEAR(a b)',
      'OR',
      'AND OR NOT',
      '-"',
      '"a" OR',
      '\u0000',
      '🚀',
      'x'.repeat(2000),
      'é"ß(',
      'title:hlc',
      '{title}: hlc',
      '"unclosed phrase',
      'a OR OR b',
      '- - -',
      'NOT hlc',
    ];
    for (let i = 0; i < 300; i++)
      samples.push(
        Array.from({ length: 8 }, (_, j) => String.fromCharCode(((i * 7919 + j * 104729) % 0x2fff) + 1)).join(
          '',
        ),
      );
    for (const text of samples) {
      const r = await search.search({ text, filters: { tier: ['gold'] } });
      expect(r.total, JSON.stringify(text)).toBeGreaterThanOrEqual(0);
    }
  });
});
