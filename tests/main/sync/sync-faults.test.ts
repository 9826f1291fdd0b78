import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { importCorpus } from '../../../src/main/corpus/import-service';
import { openContentDb } from '../../../src/main/database/connection';
import { SyncCancelledError } from '../../../src/main/sync/http-fetch';
import { runUpdate } from '../../../src/main/sync/sync-engine';
import { corpusAvailable, realCorpusAt, SKIP_MESSAGE } from '../../helpers/corpus';
import { FakeGitHub, type Fault } from '../../helpers/fake-github';
import { contentState, copyDb, syncOptions, tmp } from './sync-helpers';

type State = Awaited<ReturnType<typeof contentState>>;

describe.skipIf(!corpusAvailable())('sync faults leave content.db as it was, and a retry completes', () => {
  if (!corpusAvailable()) it.skip(SKIP_MESSAGE, () => {});
  const server = new FakeGitHub();
  const dir = tmp();
  let base = '';
  let snap4: State;
  let snap5: State;
  /** Blob requests of an update without faults. */
  let blobsNeeded = 0;

  beforeAll(async () => {
    await server.start();
    base = join(dir, 'base.db');
    const db = openContentDb(base);
    await importCorpus(db, realCorpusAt('snap-4'), { commit: server.commitOf('snap-4') });
    snap4 = await contentState(db);
    db.close();
    server.head = 'snap-5';
    const ref = openContentDb(copyDb(base, dir, 'ref.db'));
    await runUpdate(ref, syncOptions(server, join(dir, 'ref-cache')));
    blobsNeeded = server.requests('/git/blobs/');
    snap5 = await contentState(ref);
    ref.close();
  }, 300_000);
  afterAll(() => server.stop());
  afterEach(() => {
    server.faults = [];
    server.extraEntries = [];
  });

  let n = 0;
  /** A fresh copy of the snap-4 database and its own download cache. */
  function fresh() {
    n++;
    const db = openContentDb(copyDb(base, dir, `t${n}.db`));
    return { db, cache: join(dir, `cache-${n}`) };
  }

  async function expectUnchanged(db: ReturnType<typeof openContentDb>) {
    expect(await contentState(db)).toEqual(snap4);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  }

  it.each<Fault[]>([
    [{ match: '/git/blobs/', kind: '500' }],
    [{ match: '/commits/', kind: '500', times: 2 }],
    [{ match: '/git/blobs/', kind: 'reset' }],
    [{ match: '/git/blobs/', kind: 'stall' }],
    [{ match: '/git/blobs/', kind: 'rate-429', resetIn: 1 }],
    [{ match: '/git/blobs/', kind: 'rate-403', resetIn: 1 }],
    [{ match: '?recursive=1', kind: 'truncate' }],
  ])(
    'a passing fault (%o) is retried and the update completes',
    async (fault) => {
      const { db, cache } = fresh();
      server.faults = [{ ...fault }];
      await runUpdate(db, syncOptions(server, cache));
      expect(server.faults).toEqual([]);
      expect(await contentState(db)).toEqual(snap5);
      db.close();
    },
    120_000,
  );

  it.each<[Fault['kind'], RegExp]>([
    ['500', /answered 500/],
    ['reset', /connection broke/],
    ['stall', /stalled/],
    ['bad-bytes', /do not match its git SHA/],
    ['endless', /more than .* bytes|stalled|cut off/],
  ])(
    'a lasting %s on blobs fails clearly, changes nothing, and a retry resumes',
    async (kind, message) => {
      const { db, cache } = fresh();
      // Two blobs get through first: the retry must not fetch them again.
      server.faults = [{ match: '/git/blobs/', kind, after: 2, times: 1000 }];
      await expect(runUpdate(db, syncOptions(server, cache))).rejects.toThrow(message);
      await expectUnchanged(db);
      server.faults = [];
      const before = server.requests('/git/blobs/');
      const r = await runUpdate(db, syncOptions(server, cache));
      expect(server.requests('/git/blobs/') - before).toBe(blobsNeeded - 2);
      expect(r.to).toBe(server.commitOf('snap-5'));
      expect(await contentState(db)).toEqual(snap5);
      db.close();
    },
    120_000,
  );

  it('a rate limit with a distant reset stops with the reset time, changing nothing', async () => {
    const { db, cache } = fresh();
    server.faults = [{ match: '/commits/', kind: 'rate-403', resetIn: 3600 }];
    const err = await runUpdate(db, syncOptions(server, cache)).catch((e: Error) => e);
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).message).toMatch(/rate limit is used up until \d{4}-\d\d-\d\dT/);
    await expectUnchanged(db);
    db.close();
  });

  it.each([
    ['../escape.md', /"docs\/..\/escape.md".*"\." or "\.\." or empty segment/],
    ['/etc/passwd.md', /empty segment/],
    ['sub\\win.md', /backslash/],
  ])('a hostile tree entry %s refuses the whole update', async (path, message) => {
    const { db, cache } = fresh();
    server.extraEntries = [{ path, mode: '100644', type: 'blob', sha: 'a'.repeat(40), size: 10 }];
    await expect(runUpdate(db, syncOptions(server, cache))).rejects.toThrow(message);
    await expectUnchanged(db);
    db.close();
  });

  it('symlinks, submodules and a 50 MB blob are left out with reasons, never fetched', async () => {
    const { db, cache } = fresh();
    const huge = 'b'.repeat(40);
    server.extraEntries = [
      { path: 'evil-link.md', mode: '120000', type: 'blob', sha: 'c'.repeat(40), size: 11 },
      { path: 'vendored.md', mode: '160000', type: 'commit', sha: 'd'.repeat(40) },
      { path: 'huge.md', mode: '100644', type: 'blob', sha: huge, size: 50 * 1024 * 1024 },
    ];
    const r = await runUpdate(db, syncOptions(server, cache));
    expect(r.rejected).toEqual([
      { path: 'docs/evil-link.md', reason: 'a symbolic link' },
      { path: 'docs/vendored.md', reason: 'a submodule' },
      { path: 'docs/huge.md', reason: 'larger than 10 MB' },
    ]);
    expect(server.requests(huge) + server.requests('c'.repeat(40))).toBe(0);
    const { files, html, pages } = await contentState(db);
    expect({ files, html, pages }).toEqual({ files: snap5.files, html: snap5.html, pages: snap5.pages });
    db.close();
  }, 120_000);

  it('a blob larger than its tree entry says is cut off at the cap', async () => {
    const { db, cache } = fresh();
    const liar = 'e'.repeat(40);
    server.extraEntries = [{ path: 'liar.md', mode: '100644', type: 'blob', sha: liar, size: 100 }];
    server.extraBlobs.set(liar, new Uint8Array(11 * 1024 * 1024));
    await expect(runUpdate(db, syncOptions(server, cache))).rejects.toThrow(/at most|more than/);
    server.extraBlobs.delete(liar);
    await expectUnchanged(db);
    db.close();
  }, 120_000);

  it('cancelling mid-download changes nothing', async () => {
    const { db, cache } = fresh();
    const ctl = new AbortController();
    const p = runUpdate(db, {
      ...syncOptions(server, cache),
      signal: ctl.signal,
      onProgress: (pr) => {
        if (pr.phase === 'downloading' && pr.filesDone === 1) ctl.abort();
      },
    });
    await expect(p).rejects.toBeInstanceOf(SyncCancelledError);
    await expectUnchanged(db);
    db.close();
    rmSync(cache, { recursive: true, force: true });
  }, 120_000);
});
