import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importCorpus } from '../../../src/main/corpus/import-service';
import { openContentDb } from '../../../src/main/database/connection';
import { checkForUpdate, runRevert, runUpdate } from '../../../src/main/sync/sync-engine';
import { corpusAvailable, realCorpusAt } from '../../helpers/corpus';
import { contentState, syncOptions, tmp } from './sync-helpers';
import { fakeGitHubSuite } from './fake-github-suite';

describe.skipIf(!corpusAvailable())('sync against the loopback GitHub serving the real snapshots', () => {
  const server = fakeGitHubSuite();

  it(
    'updating empty → snap-1 → … → snap-5 gives the same pages and HTML as a fresh import of snap-5',
    async () => {
      const dir = tmp();
      const db = openContentDb(join(dir, 'content.db'));
      const opts = syncOptions(server, join(dir, 'cache'));
      const reports = [];
      const treeRequests: string[][] = [];
      for (const tag of ['snap-1', 'snap-2', 'snap-3', 'snap-4', 'snap-5'] as const) {
        server.head = tag;
        const logStart = server.log.length;
        const r = await runUpdate(db, opts);
        treeRequests.push(server.log.slice(logStart).filter((p) => p.includes('/git/trees/')));
        expect(r.to).toBe(server.commitOf(tag));
        reports.push(r);
      }
      // The first update has everything to fetch: one archive instead of hundreds of blobs.
      expect(reports[0]!.via).toBe('tarball');
      expect(reports[0]!.added.length).toBeGreaterThan(600);
      // snap-4 → snap-5 changes a few files: blobs only, a handful of requests.
      const last = reports[4]!;
      expect(last.via).toBe('blobs');
      expect(last.added.length + last.changed.length + last.removed.length).toBeGreaterThan(0);
      expect(last.added.length + last.changed.length + last.removed.length).toBeLessThan(30);
      expect(reports[3]!.removed.length).toBeGreaterThan(30); // snap-4 removed a whole section
      expect(last.from).toBe(server.commitOf('snap-4'));
      // The first update walks the whole tree (root, then docs/ recursively); later ones list
      // only the directories whose tree SHA changed, one level per request.
      expect(treeRequests[0]!.filter((p) => p.endsWith('?recursive=1'))).toHaveLength(1);
      for (const requests of treeRequests.slice(1)) {
        expect(requests.some((p) => p.includes('recursive'))).toBe(false);
        expect(requests.length).toBeGreaterThanOrEqual(1);
      }
      expect(treeRequests[4]!.length).toBeLessThan(20);

      const fresh = openContentDb(join(dir, 'fresh.db'));
      await importCorpus(fresh, realCorpusAt('snap-5'), { commit: server.commitOf('snap-5') });
      expect(await contentState(db)).toEqual(await contentState(fresh));
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');

      // Up to date: one conditional request, answered 304.
      const before = server.log.length;
      const again = await runUpdate(db, opts);
      expect(again.upToDate).toBe(true);
      expect(again.requests).toBe(1);
      expect(server.log.length - before).toBe(1);
      const check = await checkForUpdate(db, opts);
      expect(check).toMatchObject({ upToDate: true, requests: 1 });

      // Revert goes back to snap-4 offline, and revert again returns to snap-5.
      const snap5 = await contentState(db);
      const rev = await runRevert(db);
      expect(rev.to).toBe(server.commitOf('snap-4'));
      expect(rev.added.sort()).toEqual([...last.removed].sort());
      expect(rev.removed.sort()).toEqual([...last.added].sort());
      const snap4 = openContentDb(join(dir, 'snap4.db'));
      await importCorpus(snap4, realCorpusAt('snap-4'), { commit: server.commitOf('snap-4') });
      expect(await contentState(db)).toEqual(await contentState(snap4));
      await runRevert(db);
      expect(await contentState(db)).toEqual(snap5);
      for (const d of [db, fresh, snap4]) d.close();
    },
    15 * 60_000,
  );

  it('reports tier moves and guide changes between two real snapshots', async () => {
    const dir = tmp();
    const db = openContentDb(join(dir, 'content.db'));
    await importCorpus(db, realCorpusAt('snap-2'));
    server.head = 'snap-3';
    const r = await runUpdate(db, syncOptions(server, join(dir, 'cache')));
    const pages = new Map(
      (db.prepare('SELECT id, tier FROM pages').all() as { id: string; tier: string | null }[]).map((p) => [
        p.id,
        p.tier,
      ]),
    );
    for (const m of r.tierMoves) expect(pages.get(m.id) ?? null).toBe(m.to);
    for (const g of r.guides) expect(r.files.some((f) => f.id === g.id && f.change === g.change)).toBe(true);
    expect(r.files.length).toBe(r.added.length + r.changed.length + r.removed.length);
    expect(r.bytesFetched).toBeGreaterThan(0);
    db.close();
  }, 300_000);
});
