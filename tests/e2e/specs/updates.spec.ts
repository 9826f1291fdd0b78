import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { corpusAvailable, realCorpusAt, SKIP_MESSAGE } from '../../helpers/corpus';
import { FakeGitHub } from '../../helpers/fake-github';
import { expect, startServe, test } from '../fixtures';
import { ReaderPage } from '../reader-page';
import { REPO } from '../serve-process';

// The content here starts at snap-4 and is updated from a loopback GitHub serving snap-5: it
// needs the real corpus, and one project is enough (the content does not depend on it).
test('check, cancel, update, see the badge and "What changed" with a diff, then revert', async ({
  page,
  snap,
}, info) => {
  test.skip(!corpusAvailable(), SKIP_MESSAGE);
  test.skip(info.project.name !== 'starter', 'runs once, on its own content');
  test.setTimeout(240_000);

  const github = new FakeGitHub();
  await github.start();
  const dir = mkdtempSync(join(tmpdir(), 'dstudio-e2e-updates-'));
  const contentDb = join(dir, 'content.db');
  execFileSync(
    process.execPath,
    [join(REPO, 'bin/dstudio.mjs'), 'import', '--corpus', realCorpusAt('snap-4'), '--db', contentDb],
    {
      cwd: REPO,
      stdio: 'pipe',
    },
  );
  github.head = 'snap-5';
  const server = await startServe(contentDb, join(dir, 'user.db'), ['--sync-api-url', github.url]);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  try {
    const reader = new ReaderPage(page, server.url);
    await reader.open('/updates');
    const snap4 = github.commitOf('snap-4');
    const snap5 = github.commitOf('snap-5');
    await expect(page.getByTestId('content-commit')).toContainText(snap4.slice(0, 7));
    await expect(page.getByTestId('update-badge')).toHaveCount(0);

    await page.getByRole('button', { name: 'Check for updates' }).click();
    await expect(page.getByTestId('update-notice')).toHaveText('An update is available.');
    await expect(page.getByTestId('update-badge')).toBeVisible();
    await snap('updates-available');

    // A stalled download: progress shows, and Cancel leaves the content as it was.
    github.faults = [{ match: '/git/blobs/', kind: 'stall', times: 1000 }];
    await page.getByTestId('update-now').click();
    const progress = page.getByRole('region', { name: 'Update progress' });
    await expect(progress).toContainText('Downloading changed files');
    await expect(progress).toContainText(/\d+ \/ \d+ files/);
    await snap('updates-progress');
    await progress.getByRole('button', { name: 'Cancel' }).click();
    await expect(page.getByTestId('update-error')).toContainText('cancelled');
    expect((await server.api.content.getStatus()).commit).toBe(snap4);

    github.faults = [];
    await page.getByTestId('update-now').click();
    const changes = page.getByRole('region', { name: 'What changed' });
    // Applying re-derives links and search for the whole corpus: slow on a loaded machine.
    await expect(changes.getByTestId('change-summary')).toContainText(
      `Updated ${snap4.slice(0, 7)} → ${snap5.slice(0, 7)}`,
      { timeout: 120_000 },
    );
    await expect(page.getByTestId('update-badge')).toHaveCount(0);
    await expect.poll(async () => (await server.api.content.getStatus()).commit).toBe(snap5);
    await expect(page.getByTestId('content-commit')).toContainText(snap5.slice(0, 7));

    const report = (await server.api.sync.lastReport())!;
    const changed = report.files.find((f) => f.change === 'changed')!;
    const row = changes.locator('li', { hasText: changed.id }).first();
    await row.locator('summary').click();
    const diff = row.getByLabel(`Changes in ${changed.id}`);
    await expect(diff.locator('.diff-add, .diff-del').first()).toBeVisible();
    await snap('updates-what-changed');

    await page.getByRole('button', { name: `Revert to ${snap4.slice(0, 7)}` }).click();
    await expect(changes.getByTestId('change-summary')).toContainText(
      `Reverted ${snap5.slice(0, 7)} → ${snap4.slice(0, 7)}`,
      { timeout: 120_000 },
    );
    await expect.poll(async () => (await server.api.content.getStatus()).commit).toBe(snap4);
    await expect(page.getByTestId('update-badge')).toBeVisible();
    await snap('updates-reverted');
    expect(errors).toEqual([]);
  } finally {
    await server.stop();
    await github.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});
