import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importCorpus } from '../../../src/main/corpus/import-service';
import { openContentDb } from '../../../src/main/database/connection';
import { GitHubClient } from '../../../src/main/sync/github-client';
import { runUpdate } from '../../../src/main/sync/sync-engine';
import { SyncRepository } from '../../../src/main/sync/sync-repository';
import { installedListing } from '../../../src/main/sync/tree-listing';
import { selectContent } from '../../../src/main/sync/tree-rules';
import { corpusAvailable, realCorpusAt } from '../../helpers/corpus';
import { syncOptions, TEST_LIMITS, tmp } from './sync-helpers';
import { fakeGitHubSuite } from './fake-github-suite';

describe.skipIf(!corpusAvailable())('the installed listing and the partial tree walk', () => {
  const server = fakeGitHubSuite();

  it('lists the same content as a full walk with fewer bytes, and is dropped once content.db differs', async () => {
    const dir = tmp();
    const db = openContentDb(join(dir, 'content.db'));
    const repo = new SyncRepository(db);
    await importCorpus(db, realCorpusAt('snap-3'), { commit: server.commitOf('snap-3') });
    expect(installedListing(repo)).toBeNull(); // a folder import keeps no listing
    server.head = 'snap-4';
    await runUpdate(db, syncOptions(server, join(dir, 'cache')));
    const listing = installedListing(repo);
    expect(listing).not.toBeNull();

    // snap-5's tree, walked both ways against the same server.
    server.head = 'snap-5';
    const full = new GitHubClient(syncOptions(server, dir).source, TEST_LIMITS);
    const head = (await full.headCommit(null))!;
    full.usage.requests = full.usage.bytes = 0;
    const everything = await full.contentTree(head.treeSha);
    const partial = new GitHubClient(syncOptions(server, dir).source, TEST_LIMITS);
    const some = await partial.contentTree(head.treeSha, listing);
    const byPath = (a: { path: string }, b: { path: string }) => (a.path < b.path ? -1 : 1);
    expect(selectContent(some)).toEqual(selectContent(everything));
    expect([...some].sort(byPath)).toEqual([...everything].sort(byPath));
    expect(partial.usage.bytes).toBeLessThan(full.usage.bytes / 2);

    // A folder import of other content makes the listing stale: the next update walks everything.
    await importCorpus(db, realCorpusAt('snap-2'), { commit: server.commitOf('snap-4') });
    expect(installedListing(repo)).toBeNull();
    // So does a damaged one.
    await importCorpus(db, realCorpusAt('snap-4'), { commit: server.commitOf('snap-4') });
    expect(installedListing(repo)).not.toBeNull();
    repo.setMeta('syncListing', '{"commit": 1}');
    expect(installedListing(repo)).toBeNull();
    db.close();
  }, 300_000);
});
