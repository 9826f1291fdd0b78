import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { importCorpus } from '../../../src/main/corpus/import-service';
import { openContentDb } from '../../../src/main/database/connection';
import { EvolutionService } from '../../../src/main/evolution/evolution-service';
import type { LineageGraph, TimelineItem } from '../../../src/shared/contract/evolution';
import { runCli } from '../../helpers/cli';
import { corpusAvailable, realCorpusAt, SKIP_MESSAGE, STARTER_CORPUS } from '../../helpers/corpus';

async function importedDb(root: string): Promise<string> {
  const file = join(mkdtempSync(join(tmpdir(), 'dstudio-evolution-')), 'content.db');
  const db = openContentDb(file);
  await importCorpus(db, root);
  db.close();
  return file;
}

/** A lineage edge from a pattern to its replacement, named by the field or guide that says so. */
const replacedBy = (from: string, to: string, via: string) => ({ from, to, kind: 'replaced-by', via });

describe('EvolutionService and the CLI on the starter content', () => {
  let file = '';
  beforeAll(async () => {
    file = await importedDb(STARTER_CORPUS);
  });

  it('dstudio timeline --json prints the agreed shape, ordered by year', async () => {
    const { code, out } = await runCli(['timeline', '--db', file, '--json']);
    expect(code).toBe(0);
    const items = JSON.parse(out) as Record<string, unknown>[];
    expect(items.length).toBeGreaterThan(0);
    expect(Object.keys(items[0]!).sort()).toEqual(
      ['category', 'conflict', 'field', 'id', 'month', 'source', 'tier', 'title', 'type', 'year'].sort(),
    );
    const years = items.map((i) => i.year as number);
    expect(years).toEqual([...years].sort((a, b) => a - b));
    expect(items).toContainEqual(
      expect.objectContaining({
        id: 'pattern-library/communication/service-mesh',
        field: 'introduced',
        year: 2016,
        month: 1,
      }),
    );
  });

  it('dstudio lineage --json ID gives the neighbourhood with redirects and replacements', async () => {
    const { code, out } = await runCli(['lineage', '--db', file, '--json', 'patterns/saga']);
    expect(code).toBe(0);
    const g = JSON.parse(out) as LineageGraph;
    const saga = 'pattern-library/data-management/saga';
    expect(g.edges).toContainEqual({ from: 'patterns/saga', to: saga, kind: 'moved-to', via: 'redirect_to' });
    expect(g.edges).toContainEqual({
      from: 'pattern-library/data-management/two-phase-commit',
      to: saga,
      kind: 'replaced-by',
      via: 'modern_alternatives',
    });
    expect(g.nodes.find((n) => n.id === saga)).toEqual({ id: saga, title: expect.any(String), tier: 'gold' });
    for (const e of g.edges)
      expect(g.nodes.some((n) => n.id === e.from) && g.nodes.some((n) => n.id === e.to)).toBe(true);
  });

  it('fails clearly on an unknown page and a bad depth', async () => {
    expect(await runCli(['lineage', '--db', file, 'no/such/page'])).toMatchObject({
      code: 1,
      err: expect.stringContaining('not found: no/such/page'),
    });
    for (const depth of ['x', '11', '-1'])
      expect(await runCli(['lineage', '--db', file, '--depth', depth])).toMatchObject({
        code: 2,
        err: expect.stringContaining('--depth'),
      });
  });
});

describe('EvolutionService after a content update', () => {
  it('answers from the new content, whether the update came through its own connection or another', async () => {
    const root = join(mkdtempSync(join(tmpdir(), 'dstudio-evolution-corpus-')), 'corpus');
    cpSync(STARTER_CORPUS, root, { recursive: true });
    const file = join(mkdtempSync(join(tmpdir(), 'dstudio-evolution-')), 'content.db');
    const db = openContentDb(file);
    await importCorpus(db, root);
    const service = new EvolutionService(db);
    const id = 'pattern-library/communication/service-mesh';
    const introduced = async () =>
      (await service.getTimeline()).find((i) => i.id === id && i.field === 'introduced')?.year;
    expect(await introduced()).toBe(2016);

    const page = join(root, 'docs', `${id}.md`);
    writeFileSync(page, readFileSync(page, 'utf8').replace(/^introduced: .*$/m, 'introduced: 2012-03'));
    await importCorpus(db, root);
    expect(await introduced()).toBe(2012);

    writeFileSync(page, readFileSync(page, 'utf8').replace(/^introduced: .*$/m, 'introduced: 2010-05'));
    const other = openContentDb(file);
    await importCorpus(other, root);
    other.close();
    expect(await introduced()).toBe(2010);
    db.close();
  });
});

describe.skipIf(!corpusAvailable())(
  `EvolutionService on the real corpus (${corpusAvailable() ? 'present' : SKIP_MESSAGE})`,
  () => {
    let service: EvolutionService;
    let timeline: TimelineItem[];
    let graph: LineageGraph;
    beforeAll(async () => {
      const db = openContentDb(await importedDb(realCorpusAt('snap-5')), { readonly: true });
      service = new EvolutionService(db);
      timeline = await service.getTimeline();
      graph = await service.getLineage([], 0);
    }, 120_000);

    const fact = (id: string, field: string) => timeline.find((i) => i.id === id && i.field === field);
    const edges = (kind: string) => graph.edges.filter((e) => e.kind === kind);

    it('keeps every stored fact, with the known introduced and year_implemented years', () => {
      expect(timeline).toHaveLength(347);
      expect(timeline.filter((i) => i.field === 'introduced').length).toBeGreaterThanOrEqual(130);
      expect(timeline.filter((i) => i.field === 'year_implemented').length).toBeGreaterThanOrEqual(45);
      expect(fact('pattern-library/architecture/sidecar', 'introduced')).toMatchObject({
        year: 2016,
        month: 1,
        tier: expect.any(String),
      });
      expect(
        fact('architects-handbook/case-studies/social-communication/twitter-timeline', 'year_implemented'),
      ).toMatchObject({ year: 2012 });
      expect(
        timeline.find((i) => i.id === 'pattern-library/architecture/sidecar' && i.origin === 'section')
          ?.source,
      ).toMatch(/^section “/);
    });

    it('flags the Actor Model, dated 1973 by its page and 1960 by the evolution timeline', () => {
      const conflicts = timeline.filter((i) => i.conflict);
      expect(conflicts.map((i) => [i.id, i.year]).sort()).toEqual([
        ['pattern-library/coordination/actor-model', 1973],
        ['reference/pattern-evolution-timeline', 1960],
      ]);
    });

    it('leads the 2PC → Saga and Vector Clocks → HLC guides between their pattern pages', () => {
      expect(graph.edges).toEqual(
        expect.arrayContaining([
          replacedBy(
            'pattern-library/coordination/two-phase-commit',
            'pattern-library/data-management/saga',
            'excellence/migrations/2pc-to-saga',
          ),
          replacedBy(
            'pattern-library/coordination/vector-clocks',
            'pattern-library/coordination/hlc',
            'excellence/migrations/vector-clocks-to-hlc',
          ),
        ]),
      );
    });

    it('links bronze patterns to their replacements, case studies to their patterns, redirects to targets', () => {
      const tier = (id: string) => graph.nodes.find((n) => n.id === id)?.tier;
      expect(tier('pattern-library/architecture/lambda-architecture')).toBe('bronze');
      expect(tier('pattern-library/data-management/stream-processing')).toBe('gold');
      expect(graph.edges).toEqual(
        expect.arrayContaining([
          replacedBy(
            'pattern-library/architecture/lambda-architecture',
            'pattern-library/data-management/stream-processing',
            'deprecation_reason',
          ),
          replacedBy(
            'pattern-library/data-management/shared-database',
            'pattern-library/scaling/database-per-service',
            'modern_alternatives',
          ),
        ]),
      );
      expect(edges('used-by').length).toBeGreaterThanOrEqual(150);
      expect(edges('used-by')).toContainEqual(
        expect.objectContaining({
          to: 'architects-handbook/case-studies/social-communication/twitter-timeline',
          via: 'patterns_used',
          tier: 'gold',
        }),
      );
      expect(edges('builds-on').length).toBeGreaterThanOrEqual(100);
      // Every resolved redirect (38 aliases, some pointing at missing pages) is one moved-to edge.
      expect(edges('moved-to').length).toBeGreaterThanOrEqual(30);
      for (const e of graph.edges) expect(e.via.length).toBeGreaterThan(0);
    });

    it('centres on a page: depth 1 around a pattern holds only its direct neighbours', async () => {
      const id = 'pattern-library/coordination/two-phase-commit';
      const part = await service.getLineage([id], 1);
      for (const e of part.edges)
        expect(e.from === id || e.to === id || part.nodes.some((n) => n.id === e.from)).toBe(true);
      expect(part.nodes.map((n) => n.id)).toContain('pattern-library/data-management/saga');
      expect(part.nodes.length).toBeLessThan(graph.nodes.length);
    });
  },
);
