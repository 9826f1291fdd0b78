/**
 * Sync against the loopback GitHub (tests/helpers/fake-github.ts) serving the real snapshots:
 * the snap-4 → snap-5 update (time, requests, bytes; snap-4 itself installed by an update)
 * next to the fresh path (download the whole tarball, unpack it, import it into an empty
 * database), the tree listing walked whole vs by changed directories, and an up-to-date check.
 * The update is timed against a warm fake server (objects already read from git), with its
 * phases (checking, listing, downloading, applying) printed, and once more through SyncService,
 * which runs it on a worker thread as the app does.
 * Ratios are of numbers measured in this same run.
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extract } from 'tar';
import { importCorpus } from '../src/main/corpus/import-service';
import { openContentDb } from '../src/main/database/connection';
import { GitHubClient } from '../src/main/sync/github-client';
import { runUpdate } from '../src/main/sync/sync-engine';
import { SyncRepository } from '../src/main/sync/sync-repository';
import { SyncService } from '../src/main/sync/sync-service';
import { installedListing } from '../src/main/sync/tree-listing';
import { realCorpusAt } from '../tests/helpers/corpus';
import { FakeGitHub } from '../tests/helpers/fake-github';

export default async function bench(): Promise<void> {
  const server = new FakeGitHub();
  await server.start();
  const dir = mkdtempSync(join(tmpdir(), 'dstudio-bench-sync-'));
  try {
    const source = { apiUrl: server.url, owner: 'deepaucksharma', repo: 'DStudio', ref: 'main' };
    const db = openContentDb(join(dir, 'content.db'));
    // Installed by an update (snap-3 → snap-4), as an app that has updated before: its listing is kept.
    await importCorpus(db, realCorpusAt('snap-3'), { commit: server.commitOf('snap-3') });
    server.head = 'snap-4';
    await runUpdate(db, { source, cacheDir: join(dir, 'cache') });
    server.head = 'snap-5';
    // The snap-5 listing both ways, for the record: the whole tree vs only the changed directories.
    const full = new GitHubClient(source);
    const treeSha = (await full.headCommit(null))!.treeSha;
    full.usage.requests = full.usage.bytes = 0;
    await full.contentTree(treeSha);
    const installed = installedListing(new SyncRepository(db));
    const partial = new GitHubClient(source);
    await partial.contentTree(treeSha, installed);
    // The fake server asks git once per object; warm it with the changed blobs too, so the
    // update is timed against a server that answers from memory, as GitHub does, and not
    // against a `git` process started per request on the same event loop.
    const installedShas = new Set((installed ?? []).map((e) => e.sha));
    for (const e of await new GitHubClient(source).contentTree(treeSha))
      if (e.type === 'blob' && !installedShas.has(e.sha))
        await fetch(`${server.url}/repos/deepaucksharma/DStudio/git/blobs/${e.sha}`).then((r) =>
          r.arrayBuffer(),
        );
    // The same update as the app runs it: SyncService starts a worker thread with its own connection.
    db.pragma('wal_checkpoint(TRUNCATE)');
    copyFileSync(join(dir, 'content.db'), join(dir, 'service.db'));
    const log0 = server.log.length;
    const phases: string[] = [];
    let phase = 'start';
    let mark = performance.now();
    const update = await runUpdate(db, {
      source,
      cacheDir: join(dir, 'cache'),
      onProgress: (p) => {
        if (p.phase === phase) return;
        const now = performance.now();
        phases.push(`${phase} ${Math.round(now - mark)} ms`);
        [phase, mark] = [p.phase, now];
      },
    });
    const blobPaths = server.log.slice(log0).filter((p) => p.includes('/git/blobs/'));
    let changedBytes = 0;
    for (const p of blobPaths)
      changedBytes += (
        await fetch(`${server.url}${p}`, { headers: { accept: 'application/vnd.github.raw+json' } }).then(
          (r) => r.arrayBuffer(),
        )
      ).byteLength;
    const check = await runUpdate(db, { source, cacheDir: join(dir, 'cache') });
    db.close();
    const serviceDb = openContentDb(join(dir, 'service.db'));
    const service = new SyncService(serviceDb, { source, cacheDir: join(dir, 'service-cache') });
    const s0 = performance.now();
    const viaService = await service.update();
    const serviceMs = performance.now() - s0;
    serviceDb.close();

    // The fresh path: the whole tarball, unpacked, imported into an empty database (the
    // server's archive warmed first, as the update's objects were).
    const tarballUrl = `${server.url}/repos/deepaucksharma/DStudio/tarball/${server.commitOf('snap-5')}`;
    await fetch(tarballUrl).then((r) => r.arrayBuffer());
    const t0 = performance.now();
    const res = await fetch(tarballUrl);
    const tgz = Buffer.from(await res.arrayBuffer());
    const tgzFile = join(dir, 'snap.tgz');
    writeFileSync(tgzFile, tgz);
    const root = join(dir, 'fresh');
    mkdirSync(root, { recursive: true });
    await extract({ file: tgzFile, cwd: root, strip: 1 });
    const fresh = openContentDb(join(dir, 'fresh.db'));
    await importCorpus(fresh, root);
    fresh.close();
    const freshMs = performance.now() - t0;

    console.log('sync: snap-4 → snap-5 against the loopback GitHub');
    console.log(
      `  update:       ${update.durationMs} ms, ${update.requests} requests, ${update.bytesFetched} bytes (${update.added.length} added, ${update.changed.length} changed, ${update.removed.length} removed)`,
    );
    console.log(
      `  fresh path:   ${Math.round(freshMs)} ms, 2 requests, ${tgz.byteLength} bytes (tarball + import)`,
    );
    console.log(`  update phases: ${phases.slice(1).join(', ')}`);
    console.log(
      `  through SyncService (worker thread, as the app): ${Math.round(serviceMs)} ms wall, of which the engine ${viaService.durationMs} ms (the rest: starting the thread and loading its code)`,
    );
    console.log(`  time ratio update/fresh: ${(update.durationMs / freshMs).toFixed(3)} (goal ≤ 0.10)`);
    console.log(
      `  bytes fetched / changed blobs' size: ${(update.bytesFetched / changedBytes).toFixed(3)} (goal ≤ 1.10; payload excludes HTTP headers)`,
    );
    console.log(
      `  tree listing: full walk ${full.usage.requests} requests, ${full.usage.bytes} bytes; changed directories only ${partial.usage.requests} requests, ${partial.usage.bytes} bytes`,
    );
    console.log(`  up-to-date check: ${check.requests} request(s), upToDate=${check.upToDate}`);
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
