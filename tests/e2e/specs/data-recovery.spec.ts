import { test, expect } from '@playwright/test';
import { closeSync, existsSync, mkdtempSync, openSync, readdirSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SCREENSHOTS } from '../fixtures';
import { startServe } from '../serve-process';

test('a user.db that is no longer a database is restored from the daily backup, and the reader is told once', async ({
  page,
}) => {
  test.skip(test.info().project.name !== 'starter', 'needs no corpus: runs once');
  const dir = mkdtempSync(join(tmpdir(), 'dstudio-e2e-recovery-'));
  const contentDb = join(dir, 'content.db');
  const userDb = join(dir, 'user.db');
  let server = await startServe(contentDb, userDb);
  await server.api.user.addBookmark('pattern-library/x', 'X', null);
  await server.stop();
  // The first open backed up the empty database; drop it so the next open backs up the bookmark.
  rmSync(join(dir, 'backups'), { recursive: true });
  server = await startServe(contentDb, userDb);
  // The backup at open runs in the background: wait for it to be complete (renamed to its final name).
  await expect
    .poll(
      () =>
        existsSync(join(dir, 'backups')) && readdirSync(join(dir, 'backups')).some((f) => f.endsWith('Z.db')),
    )
    .toBe(true);
  await server.stop();
  const fd = openSync(userDb, 'r+');
  writeSync(fd, Buffer.from('not a database any more'), 0, undefined, 0);
  closeSync(fd);

  server = await startServe(contentDb, userDb);
  try {
    expect((await server.api.user.listBookmarks()).map((b) => b.pageId)).toEqual(['pattern-library/x']);
    await page.goto(server.url);
    const banner = page.getByTestId('data-recovery');
    await expect(banner).toContainText('Your data was restored from the automatic backup of');
    await expect(banner).toContainText(`${userDb}.damaged-`);
    await page.screenshot({ path: join(SCREENSHOTS, 'data-recovery-banner.png') });
    await banner.getByRole('button', { name: 'Dismiss' }).click();
    await expect(banner).toHaveCount(0);
    await page.reload();
    await expect(page.locator('#main')).toBeVisible();
    await expect(page.getByTestId('data-recovery')).toHaveCount(0);
  } finally {
    await server.stop();
  }
});
