import { describe, expect, it } from 'vitest';
import { runCli } from '../../../helpers/cli';
import { seededContentDb } from '../../search/seed-content';
import { combinedScore, type ScoreParts } from '../../../../src/main/search/page-score';

async function run(args: string[]) {
  const { db, file, cleanup } = seededContentDb();
  db.close();
  try {
    return await runCli(['search', '--db', file, ...args]);
  } finally {
    cleanup();
  }
}

describe('dstudio search', () => {
  it('prints the JSON shape of the issue, with the page id', async () => {
    const { code, out } = await run(['--json', '--limit', '1', 'circuit breaker']);
    expect(code).toBe(0);
    const json = JSON.parse(out) as {
      results: Record<string, unknown>[];
      total: number;
      corrected: string | null;
    };
    expect(json.total).toBe(2);
    expect(json.corrected).toBeNull();
    expect(json.results).toHaveLength(1);
    expect(Object.keys(json.results[0]!).sort()).toEqual([
      'id',
      'score',
      'section',
      'snippet',
      'tier',
      'title',
    ]);
    expect(json.results[0]).toMatchObject({ id: 'pattern-library/resilience/circuit-breaker', tier: 'gold' });
  });

  it('filters by tier and type (comma lists) and reports a correction', async () => {
    const json = JSON.parse(
      (await run(['--json', '--tier', 'gold,silver', '--type', 'pattern', 'idempotncy'])).out,
    );
    expect(json.corrected).toBe('idempotency');
    expect(json.results.map((r: { id: string }) => r.id)).toEqual([
      'pattern-library/communication/idempotent-receiver',
    ]);
  });

  it('browses with filters only, and prints readable text without --json', async () => {
    const { code, out } = await run(['--category', 'coordination']);
    expect(code).toBe(0);
    expect(out).toContain('1. Hybrid Logical Clocks (HLC)');
    expect(out).toContain('2 of 2 pages');
    const typo = await run(['idempotncy']);
    expect(typo.out).toContain('Showing results for "idempotency"');
    expect(typo.out).toContain('1. Idempotent Receiver');
  });

  it('prints the parts of each score with --explain, and they add up to the score', async () => {
    const { code, out } = await run(['--explain', 'circuit breaker']);
    expect(code).toBe(0);
    const lines = out.split('\n');
    expect(lines[0]).toMatch(
      /^1\. \d+\.\d\d {2}pattern-library\/resilience\/circuit-breaker {2}\(sections \d+\.\d\d, prior [\d.]+, about [\d.]+, title \+1000\)$/,
    );
    const json = JSON.parse((await run(['--explain', '--json', 'circuit breaker'])).out) as {
      results: { id: string; score: number; parts: ScoreParts }[];
    };
    expect(json.results.length).toBeGreaterThan(1);
    for (const r of json.results) expect(r.score).toBeCloseTo(combinedScore(r.parts), 6);
    expect(json.results[0]!.parts.title).toBe(1000);
    expect(json.results[1]!.parts).toMatchObject({ title: 0, relaxed: false });
  });

  it('says what to do with a database whose search index it cannot read', async () => {
    const { db, file, cleanup } = seededContentDb();
    db.exec('DROP TABLE search_pages');
    db.close();
    try {
      expect(await runCli(['search', '--db', file, 'circuit'])).toMatchObject({
        code: 1,
        err: expect.stringContaining('Import the corpus into a new file'),
      });
    } finally {
      cleanup();
    }
  });

  it('rejects bad options with the usage and exit code 2', async () => {
    // Checked by the contract's own schema: the same limits and tiers as the app's.
    const tier = await run(['--tier', 'gold,platinum', 'x']);
    expect(tier.code).toBe(2);
    expect(tier.err).toMatch(/--tier: .*gold/);
    for (const limit of ['0', '201', '1.5', 'ten']) {
      const res = await run(['--limit', limit, 'x']);
      expect(res.code, limit).toBe(2);
      expect(res.err, limit).toContain('--limit: ');
    }
    expect((await run(['--limit', '200', '--json', 'x'])).code).toBe(0);
    expect((await run([])).err).toContain('give a query');
  });
});
