import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openContentDb } from '../../../src/main/database/connection';
import { runRevert, runUpdate } from '../../../src/main/sync/sync-engine';
import { corpusAvailable } from '../../helpers/corpus';
import { contentState, syncOptions, tmp } from './sync-helpers';
import { fakeGitHubSuite } from './fake-github-suite';

describe.skipIf(!corpusAvailable())('sync refuses to go backwards', () => {
  const server = fakeGitHubSuite();

  it('refuses an older head and the kept generation, and installs an older head only when allowed', async () => {
    const dir = tmp();
    const db = openContentDb(join(dir, 'content.db'));
    const opts = syncOptions(server, join(dir, 'cache'));
    for (const tag of ['snap-4', 'snap-5'] as const) {
      server.head = tag;
      await runUpdate(db, opts);
    }
    const atSnap5 = await contentState(db);
    expect(atSnap5.commit).toBe(server.commitOf('snap-5'));

    // The branch was reset to the generation kept for revert.
    server.head = 'snap-4';
    await expect(runUpdate(db, opts)).rejects.toThrow(/older than your content \(.*\); nothing changed/);
    expect(await contentState(db)).toEqual(atSnap5);

    // The branch was reset further back, to a commit older than the content.
    server.head = 'snap-3';
    const before = server.log.length;
    await expect(runUpdate(db, opts)).rejects.toThrow(
      /^The repository's main is older than your content \(main is [0-9a-f]{7} of .+, yours is [0-9a-f]{7} of .+\); nothing changed\.$/,
    );
    // Refused after the one head request: nothing listed, nothing downloaded.
    expect(server.log.length - before).toBe(1);
    expect(await contentState(db)).toEqual(atSnap5);

    // After a revert the kept generation is the newer content: updating to it goes forward.
    server.head = 'snap-5';
    await runRevert(db);
    expect((await runUpdate(db, opts)).to).toBe(server.commitOf('snap-5'));

    server.head = 'snap-3';
    const forced = await runUpdate(db, { ...opts, allowOlder: true });
    expect(forced.to).toBe(server.commitOf('snap-3'));
    expect((await contentState(db)).commit).toBe(server.commitOf('snap-3'));
    db.close();
  }, 600_000);
});
