import type { Database } from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gitBlobSha } from '../../../src/main/corpus/git-blob';
import { importCorpus } from '../../../src/main/corpus/import-service';
import { openContentDb } from '../../../src/main/database/connection';
import { BlobMismatchError } from '../../../src/main/sync/download-cache';
import { runRevert, runUpdate } from '../../../src/main/sync/sync-engine';
import { corpusAvailable, realCorpusAt } from '../../helpers/corpus';
import { contentState, syncOptions, tmp } from './sync-helpers';
import { fakeGitHubSuite } from './fake-github-suite';

/** The stored images as the reader serves them: path, SHA, type, and whether the bytes hash to the SHA. */
function images(db: Database) {
  return (
    db.prepare('SELECT path, sha, mime, bytes FROM corpus_images ORDER BY path').all() as {
      path: string;
      sha: string;
      mime: string;
      bytes: Buffer;
    }[]
  ).map(({ path, sha, mime, bytes }) => ({ path, sha, mime, whole: gitBlobSha(bytes) === sha }));
}

async function freshImages(dir: string, tag: 'snap-3' | 'snap-4') {
  const db = openContentDb(join(dir, `${tag}.db`));
  await importCorpus(db, realCorpusAt(tag));
  return images(db);
}

describe.skipIf(!corpusAvailable())('sync carries the images under docs/ (real snapshots)', () => {
  const server = fakeGitHubSuite();

  it('snap-3 → snap-4 fetches the added and a stale image, verified; revert restores them offline', async () => {
    const dir = tmp();
    const db = openContentDb(join(dir, 'content.db'));
    await importCorpus(db, realCorpusAt('snap-3'), { commit: server.commitOf('snap-3') });
    const snap3 = await freshImages(dir, 'snap-3');
    const snap4 = await freshImages(dir, 'snap-4');
    expect(images(db)).toEqual(snap3);
    const added = snap4.filter((i) => !snap3.some((o) => o.path === i.path));
    expect(added.length).toBeGreaterThan(0); // snap-4 adds an SVG under docs/assets/
    // A stale local copy of an image that did not change upstream must be replaced too.
    const stale = snap3[0]!;
    db.prepare('UPDATE corpus_images SET sha = ?, bytes = ? WHERE path = ?').run(
      gitBlobSha(Buffer.from('stale')),
      Buffer.from('stale'),
      stale.path,
    );

    // A tampered image is refused and changes nothing; the retry completes.
    server.head = 'snap-4';
    server.faults.push({ match: added[0]!.sha, kind: 'bad-bytes', times: 10 });
    const fetchedFrom = server.log.length;
    const before = { state: await contentState(db), images: images(db) };
    await expect(runUpdate(db, syncOptions(server, join(dir, 'cache')))).rejects.toThrow(BlobMismatchError);
    expect({ state: await contentState(db), images: images(db) }).toEqual(before);
    server.faults = [];

    const report = await runUpdate(db, syncOptions(server, join(dir, 'cache')));
    expect(report.to).toBe(server.commitOf('snap-4'));
    expect(images(db)).toEqual(snap4);
    // Both were fetched (the stale one by the refused attempt already: the retry takes it from the cache).
    const blobRequests = server.log.slice(fetchedFrom).filter((p) => p.includes('/git/blobs/'));
    expect(blobRequests.some((p) => p.endsWith(added[0]!.sha))).toBe(true);
    expect(blobRequests.some((p) => p.endsWith(stale.sha))).toBe(true);

    // Revert: the added image goes away, offline (no request).
    const requests = server.log.length;
    await runRevert(db);
    expect(server.log.length).toBe(requests);
    const reverted = images(db);
    expect(reverted.map((i) => i.path)).toEqual(snap3.map((i) => i.path));
    expect(reverted.filter((i) => i.path !== stale.path)).toEqual(snap3.filter((i) => i.path !== stale.path));
    // Revert of the revert brings the SVG back from the kept blobs, again without a request.
    await runRevert(db);
    expect(server.log.length).toBe(requests);
    expect(images(db)).toEqual(snap4);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  }, 240_000);
});
