import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openUserDb } from '../../../src/main/database/connection';
import { UserService } from '../../../src/main/user/user-service';

function fresh() {
  const file = join(mkdtempSync(join(tmpdir(), 'dstudio-user-')), 'user.db');
  let clock = 0;
  const now = () => new Date(Date.UTC(2026, 0, 1, 0, 0, clock++)).toISOString();
  return { file, service: new UserService(openUserDb(file), now) };
}

describe('UserService', () => {
  it('keeps bookmarks across reopening the database', async () => {
    const { file, service } = fresh();
    await service.addBookmark('a', 'A', null);
    await service.addBookmark('b', 'B', 'sec');
    await service.addBookmark('a', 'A renamed', 'x');
    await service.removeBookmark('missing');
    const reopened = new UserService(openUserDb(file));
    const list = await reopened.listBookmarks();
    expect(list.map((b) => [b.pageId, b.title, b.anchor])).toEqual([
      ['b', 'B', 'sec'],
      ['a', 'A renamed', 'x'],
    ]);
    await reopened.removeBookmark('a');
    expect((await reopened.listBookmarks()).map((b) => b.pageId)).toEqual(['b']);
  });

  it('lists history newest first, one entry per page', async () => {
    const { service } = fresh();
    for (const id of ['a', 'b', 'a', 'c']) await service.recordVisit(id, id.toUpperCase());
    expect((await service.listHistory(10)).map((h) => h.pageId)).toEqual(['c', 'a', 'b']);
    expect(service.recentPageIds(2)).toEqual(['c', 'a']);
  });

  it('merges reading-state updates and round-trips settings as JSON', async () => {
    const { service } = fresh();
    expect(await service.getReadingState('p')).toBeNull();
    await service.saveReadingState('p', { scrollRatio: 0.5 });
    const s = await service.saveReadingState('p', { read: true });
    expect(s).toMatchObject({ pageId: 'p', read: true, scrollRatio: 0.5 });
    await service.setSetting('theme', 'dark');
    await service.setSetting('catalogue', { tiers: ['gold'], sort: 'name' });
    expect(await service.getSettings()).toEqual({
      theme: 'dark',
      catalogue: { tiers: ['gold'], sort: 'name' },
    });
  });

  it('lists the pages marked as read, and only those, across reopening', async () => {
    const { file, service } = fresh();
    expect(await service.listReadPageIds()).toEqual([]);
    await service.saveReadingState('b', { read: true });
    await service.saveReadingState('a', { read: true });
    await service.saveReadingState('scrolled-only', { scrollRatio: 0.3 });
    await service.saveReadingState('c', { read: true });
    await service.saveReadingState('c', { read: false });
    // A later scroll save keeps the read marker.
    await service.saveReadingState('a', { scrollRatio: 0.9 });
    const reopened = new UserService(openUserDb(file));
    expect(await reopened.listReadPageIds()).toEqual(['a', 'b']);
  });
});
