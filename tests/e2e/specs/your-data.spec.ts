import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DStudioApi } from '../../../src/shared/contract';
import { expect, startServe, test } from '../fixtures';

const GUIDE = 'migration/two-phase-commit-to-saga';

/** Every table of a user.db, as the backup carries it (the export time left out). */
async function state(api: DStudioApi) {
  return JSON.parse((await api.user.exportAllData()).text).tables as Record<string, unknown[]>;
}

test('"Your data": export everything, import it into a fresh profile (replace, after confirming), same state; a bad file changes nothing', async ({
  page,
  server,
  contentDb,
  snap,
}) => {
  test.skip(test.info().project.name !== 'starter', 'the starter content is enough: runs once');
  // The user's data on the old laptop: a bookmark, a read page, a setting, a run with a blocked item and a note.
  await server.api.user.addBookmark('pattern-library/resilience/circuit-breaker', 'Circuit Breaker', null);
  await server.api.user.saveReadingState(GUIDE, { read: true, scrollRatio: 0.3 });
  await server.api.user.setSetting('theme', 'dark');
  const guide = await server.api.progress.getPage(GUIDE, null);
  const [first, second] = guide.checklists.flatMap((c) => c.items);
  await server.api.progress.setItem({ pageId: GUIDE, runId: null, itemKey: first!.key, state: 'done' });
  await server.api.progress.setItem({
    pageId: GUIDE,
    runId: null,
    itemKey: second!.key,
    state: 'blocked',
    note: 'waiting for the payments team',
  });
  const before = await state(server.api);

  await page.goto(server.url);
  await page.getByRole('link', { name: 'Your data' }).click();
  await expect(page.getByRole('heading', { name: 'Your data', level: 1 })).toBeVisible();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export all my data' }).click();
  const file = join(mkdtempSync(join(tmpdir(), 'dstudio-e2e-your-data-')), 'backup.json');
  await (await download).saveAs(file);
  await expect(page.getByTestId('export-result')).toContainText(/Downloaded dstudio-user-data-.*\.json/);
  expect(JSON.parse(readFileSync(file, 'utf8')).tables).toEqual(before);

  // The new laptop: a fresh user.db with something of its own that "replace" removes.
  const fresh = await startServe(contentDb, join(mkdtempSync(join(tmpdir(), 'dstudio-e2e-new-')), 'user.db'));
  try {
    await fresh.api.user.addBookmark('pattern-library/x', 'Left behind', null);
    await page.goto(`${fresh.url}#/your-data`);

    // A bad file: a clear error, nothing changed.
    const bad = join(mkdtempSync(join(tmpdir(), 'dstudio-e2e-bad-')), 'notes.json');
    writeFileSync(bad, '{"format": "dstudio-my-data/1", "bookmarks": []}');
    const freshBefore = await state(fresh.api);
    await page.getByTestId('import-file').setInputFiles(bad);
    await expect(page.getByRole('alert')).toContainText(
      /Could not import notes\.json: This is not a DStudio user-data backup.*your data is unchanged/,
    );
    expect(await state(fresh.api)).toEqual(freshBefore);

    await page.getByRole('radio', { name: /Replace: remove what is here/ }).check();
    // Through the button, as a user picks the file.
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Import data…' }).click();
    await (await chooser).setFiles(file);
    const confirm = page.getByRole('alertdialog');
    await expect(confirm).toContainText('Replace all your data with backup.json?');
    await expect(confirm).toContainText('A backup of your current data is taken first.');
    // Nothing happens before the user confirms; the earlier error is gone with the new pick.
    expect(await state(fresh.api)).toEqual(freshBefore);
    await expect(page.getByRole('alert')).toHaveCount(0);
    await snap('your-data-confirm-replace');
    await confirm.getByRole('button', { name: 'Replace my data' }).click();
    const result = page.getByTestId('import-result');
    await expect(result).toContainText('Replaced your data with a backup from');
    await expect(result).toContainText('1 bookmark');
    await expect(result).toContainText('1 checklist run, 2 checklist item states');
    await expect(result).toContainText('Your data as it was before is kept in');
    await expect(page.getByRole('alert')).toHaveCount(0);
    await snap('your-data-imported');
    expect(await state(fresh.api)).toEqual(before);

    // What the app shows follows at once: the theme setting and the run in My migrations.
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await page.getByRole('link', { name: 'My migrations' }).click();
    await expect(page.getByTestId('runs')).toContainText('1 blocked');
  } finally {
    await fresh.stop();
  }
});

test('"Your data": merge a backup into a profile with data of its own: both sides present, nothing twice', async ({
  page,
  server,
  contentDb,
}) => {
  test.skip(test.info().project.name !== 'starter', 'the starter content is enough: runs once');
  const guide = await server.api.progress.getPage(GUIDE, null);
  const [first, second, third] = guide.checklists.flatMap((c) => c.items);
  // The old laptop: a shared bookmark, one of its own, a run with a blocked item.
  await server.api.user.addBookmark('pattern-library/resilience/circuit-breaker', 'Circuit Breaker', null);
  await server.api.user.addBookmark('pattern-library/resilience/retry', 'Retry', null);
  await server.api.progress.setItem({ pageId: GUIDE, runId: null, itemKey: first!.key, state: 'done' });
  await server.api.progress.setItem({ pageId: GUIDE, runId: null, itemKey: second!.key, state: 'blocked' });
  await page.goto(`${server.url}#/your-data`);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export all my data' }).click();
  const file = join(mkdtempSync(join(tmpdir(), 'dstudio-e2e-merge-')), 'old-laptop.json');
  await (await download).saveAs(file);

  // The new laptop has been used meanwhile: the same bookmark, another one, a run of its own.
  const fresh = await startServe(contentDb, join(mkdtempSync(join(tmpdir(), 'dstudio-e2e-new-')), 'user.db'));
  try {
    await fresh.api.user.addBookmark('pattern-library/resilience/circuit-breaker', 'Circuit Breaker', null);
    await fresh.api.user.addBookmark('pattern-library/scaling/sharding', 'Sharding', null);
    const own = await fresh.api.progress.createRun(GUIDE, 'Orders: 2PC → Saga');
    await fresh.api.progress.setItem({
      pageId: GUIDE,
      runId: own.id,
      itemKey: third!.key,
      state: 'in-progress',
    });

    await page.goto(`${fresh.url}#/your-data`);
    await expect(page.getByRole('radio', { name: /Merge: keep what is here/ })).toBeChecked();
    await page.getByTestId('import-file').setInputFiles(file);
    // Merging asks no confirmation: nothing here is removed.
    await expect(page.getByTestId('import-result')).toContainText('Merged in a backup from');
    await expect(page.getByRole('alert')).toHaveCount(0);

    const bookmarks = (await fresh.api.user.listBookmarks()).map((b) => b.pageId).sort();
    expect(bookmarks).toEqual([
      'pattern-library/resilience/circuit-breaker',
      'pattern-library/resilience/retry',
      'pattern-library/scaling/sharding',
    ]);
    const runs = await fresh.api.progress.listRuns();
    expect(runs).toHaveLength(2);
    expect(runs.map((r) => r.name)).toContain('Orders: 2PC → Saga');
    const mine = await fresh.api.progress.getPage(GUIDE, own.id);
    expect(Object.values(mine.items).map((i) => [i.key, i.state])).toEqual([[third!.key, 'in-progress']]);
    const theirs = await fresh.api.progress.getPage(GUIDE, runs.find((r) => r.id !== own.id)!.id);
    expect(Object.fromEntries(Object.values(theirs.items).map((i) => [i.key, i.state]))).toEqual({
      [first!.key]: 'done',
      [second!.key]: 'blocked',
    });

    // The app shows both runs at once.
    await page.getByRole('link', { name: 'My migrations' }).click();
    await expect(page.getByTestId('runs').locator('> li')).toHaveCount(2);
    await expect(page.getByTestId('runs')).toContainText('1 blocked');
  } finally {
    await fresh.stop();
  }
});
