import { test, expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { routeOf } from '../../../src/shared/routes';
import { corpusAvailable, realCorpusAt, SKIP_MESSAGE } from '../../helpers/corpus';
import { SCREENSHOTS } from '../fixtures';
import { REPO, startServe, type ServeProcess } from '../serve-process';

const CLI = join(REPO, 'bin/dstudio.mjs');
const GUIDE = 'excellence/migrations/2pc-to-saga';
const importSnap = (db: string, snap: 'snap-4' | 'snap-5') =>
  execFileSync(process.execPath, [CLI, 'import', '--corpus', realCorpusAt(snap), '--db', db], {
    stdio: 'ignore',
  });

test.describe('migration playbook progress on the real corpus', () => {
  test.skip(!corpusAvailable(), SKIP_MESSAGE);
  test.setTimeout(240_000);

  test('ticks task-list and YAML-fence items, notes and blocks one, keeps them across reload, restart and a content update, exports Markdown', async ({
    page,
  }) => {
    // Once, in the real-corpus project only: it imports two snapshots itself.
    test.skip(test.info().project.name !== 'real-corpus', 'runs in the real-corpus project');
    const dir = mkdtempSync(join(tmpdir(), 'dstudio-e2e-progress-'));
    const contentDb = join(dir, 'content.db');
    const userDb = join(dir, 'user.db');
    importSnap(contentDb, 'snap-4');
    let server: ServeProcess = await startServe(contentDb, userDb);
    const open = async () => {
      await page.goto(`${server.url}${routeOf(GUIDE)}`);
      await expect(page.locator('.page-content[data-checklists-ready]')).toBeAttached();
    };
    try {
      await open();
      const fenceItem = page.getByRole('checkbox', { name: 'Idempotent service operations implemented' });
      const taskItem = page.getByRole('checkbox', { name: 'Runbooks validated' });
      const blockedItem = page.getByRole('checkbox', { name: 'Distributed tracing in place' });
      // YAML-fence items are a checklist with their group names; the source is one click away.
      await expect(page.locator('.built-checklist-group', { hasText: 'technical' })).toBeVisible();
      await expect(page.locator('.fence-source summary').first()).toHaveText('Show the source');

      await fenceItem.focus();
      await page.keyboard.press('Space');
      await expect(fenceItem).toBeChecked();
      await taskItem.click();
      await expect(taskItem).toBeChecked();
      await expect(page.getByTestId('run-select')).toContainText('Two-Phase Commit to Saga');
      // Arrow keys move between items; `n` opens the item's state and note.
      await fenceItem.focus();
      await page.keyboard.press('ArrowDown');
      await expect(blockedItem).toBeFocused();
      await page.keyboard.press('n');
      const dialog = page.getByRole('dialog');
      await dialog.getByRole('radio', { name: 'Blocked' }).check();
      await dialog.getByTestId('item-note').fill('Waiting for the tracing budget (Q3)');
      await dialog.getByTestId('item-save').click();
      await expect(dialog).toBeHidden();
      await expect(blockedItem).toBeFocused();
      await expect(page.locator('[data-state="blocked"] .item-state')).toHaveText('Blocked · note');
      await expect(page.getByTestId('run-progress')).toContainText(/2 of \d+ done · 1 blocked/);
      await page.screenshot({ path: join(SCREENSHOTS, 'progress-guide-light.png') });
      await page.emulateMedia({ colorScheme: 'dark' });
      await page.screenshot({ path: join(SCREENSHOTS, 'progress-guide-dark.png') });
      await page.emulateMedia({ colorScheme: 'light' });

      const check = async () => {
        await open();
        await expect(fenceItem).toBeChecked();
        await expect(taskItem).toBeChecked();
        await expect(blockedItem).not.toBeChecked();
        await expect(page.locator('[data-state="blocked"]')).toHaveCount(1);
      };
      await page.reload();
      await check();

      await server.stop();
      server = await startServe(contentDb, userDb);
      await check();

      await server.stop();
      importSnap(contentDb, 'snap-5');
      server = await startServe(contentDb, userDb);
      await check();

      // Markdown export through the browser's download path.
      await page.getByTestId('export-format').selectOption('md');
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByTestId('run-export').click(),
      ]);
      const md = readFileSync((await download.path())!, 'utf8');
      expect(download.suggestedFilename()).toMatch(/\.md$/);
      expect(md).toContain('- [x] Idempotent service operations implemented — *done*');
      expect(md).toContain('- [x] Runbooks validated — *done*');
      expect(md).toContain('- [ ] Distributed tracing in place — *blocked*');
      expect(md).toContain('  > Waiting for the tracing budget (Q3)');
      expect(md).toContain('**technical**');

      // My migrations lists the run with its blocked item.
      await page.getByRole('link', { name: 'My migrations' }).click();
      const runs = page.getByTestId('runs');
      await expect(runs).toContainText('Two-Phase Commit to Saga');
      await expect(runs).toContainText('1 blocked');
      await page.screenshot({ path: join(SCREENSHOTS, 'progress-migrations-light.png') });
      await page.emulateMedia({ colorScheme: 'dark' });
      await page.screenshot({ path: join(SCREENSHOTS, 'progress-migrations-dark.png') });
    } finally {
      await server.stop();
    }
  });
});
