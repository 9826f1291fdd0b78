import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importCorpus } from '../../../src/main/corpus/import-service';
import { openContentDb } from '../../../src/main/database/connection';
import { startHttpServer, type RunningServer } from '../../../src/main/server/http-server';
import { openServices, type Services } from '../../../src/main/services';
import { createHttpApi } from '../../../src/renderer/src/http-api';
import type { DStudioApi } from '../../../src/shared/contract';
import { corpusAvailable, realCorpusAt, SKIP_MESSAGE } from '../../helpers/corpus';
import { FakeGitHub } from '../../helpers/fake-github';
import { contentState, copyDb, TEST_LIMITS, tmp } from './sync-helpers';

/**
 * The update runs on a worker thread (sync-worker.ts): `dstudio serve` — here its services
 * behind the real HTTP server on 127.0.0.1 — keeps answering while the update applies.
 */
describe.skipIf(!corpusAvailable())('an update applied in the background (serve)', () => {
  if (!corpusAvailable()) it.skip(SKIP_MESSAGE, () => {});
  const github = new FakeGitHub();
  const opened: { services: Services; http: RunningServer }[] = [];
  let dir: string;
  let base: string;

  beforeAll(async () => {
    await github.start();
    dir = tmp();
    base = join(dir, 'base.db');
    const db = openContentDb(base);
    await importCorpus(db, realCorpusAt('snap-4'), { commit: github.commitOf('snap-4') });
    db.close();
    github.head = 'snap-5';
  }, 900_000);

  afterAll(async () => {
    for (const o of opened) {
      await o.http.close();
      o.services.close();
    }
    await github.stop();
  });

  /** The snap-4 content behind a real HTTP server, updating from the fake GitHub. */
  async function serve(name: string): Promise<{ api: DStudioApi; services: Services; contentDb: string }> {
    const contentDb = copyDb(base, dir, `${name}.db`);
    const services = openServices(
      { contentDb, userDb: join(dir, `${name}-user.db`) },
      { sync: { source: { apiUrl: github.url }, limits: TEST_LIMITS } },
    );
    const staticRoot = join(dir, 'ui');
    mkdirSync(staticRoot, { recursive: true });
    const http = await startHttpServer({ api: services.api, staticRoot });
    opened.push({ services, http });
    return { api: createHttpApi(http.origin, http.token, fetch), services, contentDb };
  }

  it('answers content calls over HTTP while the update applies, from the content before it', async () => {
    const { api, services } = await serve('busy');
    const userVersion = services.userDb.pragma('data_version', { simple: true });
    // A page snap-5 removes: answered while the update applies, gone once it committed.
    const snap5 = realCorpusAt('snap-5');
    const leaving = (await api.content.listPages()).find(
      (p) => !existsSync(join(snap5, 'docs', `${p.id}.md`)),
    )!;
    expect(leaving).toBeDefined();

    let settled = false;
    const update = api.sync.update().finally(() => (settled = true));
    while ((await api.sync.getProgress())?.phase !== 'applying' && !settled) await sleep(5);
    let answeredWhileApplying = 0;
    while (!settled && (await api.sync.getProgress())?.phase === 'applying') {
      const pages = await api.content.getPages([leaving.id]);
      // Gone: the worker has committed (its 'done' progress is posted just after).
      if (settled || pages.length === 0) break;
      expect(pages.map((p) => p.id)).toEqual([leaving.id]);
      answeredWhileApplying++;
    }
    const report = await update;
    expect(answeredWhileApplying).toBeGreaterThan(0);
    expect(report).toMatchObject({ from: github.commitOf('snap-4'), to: github.commitOf('snap-5') });
    expect(report.removed).toContain(leaving.id);
    // The main thread's own connection sees the worker's commit.
    expect(await api.content.getPages([leaving.id])).toEqual([]);
    expect(await api.sync.getStatus()).toMatchObject({ commit: github.commitOf('snap-5'), running: false });
    expect(await api.sync.getProgress()).toMatchObject({ phase: 'done' });
    // The worker reads user.db only (for re-match counts): no other connection committed to it.
    expect(services.userDb.pragma('data_version', { simple: true })).toBe(userVersion);
  }, 300_000);

  it('a cancelled or failed update through the worker leaves content.db as it was', async () => {
    const { api, services } = await serve('undone');
    const before = await contentState(services.contentDb);
    const userVersion = services.userDb.pragma('data_version', { simple: true });

    const cancelled = api.sync.update();
    await api.sync.cancel();
    await expect(cancelled).rejects.toThrow(/cancelled/);
    expect(await api.sync.getProgress()).toMatchObject({ phase: 'cancelled' });

    // Every blob request fails, through the retries: the worker's error reaches the caller in words.
    github.faults.push({ match: '/git/blobs/', kind: '500', times: 1000 });
    try {
      await expect(api.sync.update()).rejects.toThrow(/500/);
    } finally {
      github.faults.length = 0;
    }
    expect(await api.sync.getProgress()).toMatchObject({ phase: 'failed' });
    expect(await api.sync.getStatus()).toMatchObject({ commit: github.commitOf('snap-4'), running: false });
    expect(await contentState(services.contentDb)).toEqual(before);
    expect(services.userDb.pragma('data_version', { simple: true })).toBe(userVersion);
  }, 300_000);
});
