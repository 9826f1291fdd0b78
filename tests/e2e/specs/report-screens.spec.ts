import { test, expect, type Page } from '../fixtures';

/**
 * Reviewed baselines of the composer (empty, with errors, with preview) and the drafts list,
 * light and dark: each state was looked at when its baseline was written
 * (`--update-snapshots`), and a change to how it looks fails here until it is looked at again.
 */

// The baselines show the starter content, which only changes with this repository.
test.skip(({ corpus }) => corpus !== 'starter', 'reviewed baselines exist for the starter content only');

const field = (page: Page, path: string) => page.locator(`#report-field-${path.replace(/\./g, '-')}`);

/** Both themes of what is on screen now, against their reviewed baselines. */
/** The side bar's status line names the build's commit, which changes with every commit. */
const ALWAYS_MASKED = ['.side-status'];

async function compareBothThemes(page: Page, name: string, mask: string[] = []): Promise<void> {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.evaluate(() => document.fonts.ready);
    await expect(page).toHaveScreenshot(`${name}-${scheme}.png`, {
      animations: 'disabled',
      caret: 'hide',
      mask: [...ALWAYS_MASKED, ...mask].map((selector) => page.locator(selector)),
      // Anti-aliasing differs a little between runs; a changed layout or colour is far more.
      maxDiffPixelRatio: 0.01,
    });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

test('the composer, empty, with errors and with its preview, in both themes', async ({
  reader,
  targets,
  page,
}) => {
  await reader.openPage(targets.pattern.id);
  await page.getByTestId('report-usage').click();
  await expect(field(page, 'pattern')).toHaveValue(targets.pattern.id);
  await expect(page.getByTestId('report-preview')).toContainText(targets.pattern.title);
  await compareBothThemes(page, 'composer-empty');

  await field(page, 'company').fill('Example Corp, payments team');
  await field(page, 'scale').fill('lots');
  await field(page, 'duration').fill('2 years');
  await page.getByTestId('export-md').click();
  await expect(page.getByTestId('blocking-issues')).toContainText('Scale needs a number and a unit');
  await page.evaluate(() => window.scrollTo(0, 0));
  await compareBothThemes(page, 'composer-errors');

  await field(page, 'scale').fill('50K req/s');
  await field(page, 'implementation').fill('Breakers in the client library, one per dependency.');
  await field(page, 'outcomes.performance').fill('p99 fell from 2 s to 300 ms.');
  await field(page, 'lessons').fill('- Tune per dependency.\n- Alert on open breakers.');
  await page.getByLabel('Yes, with caveats').check();
  await field(page, 'recommend.why').fill('Only with good timeouts.');
  await expect(page.getByTestId('report-preview')).toContainText('Only with good timeouts.');
  await expect(page.getByTestId('blocking-issues')).toHaveCount(0);
  await page.getByTestId('report-preview').scrollIntoViewIfNeeded();
  await compareBothThemes(page, 'composer-preview');
});

test('the drafts list, in both themes', async ({ reader, targets, server, page }) => {
  const usage = await server.api.reports.createDraft('pattern-usage', targets.pattern.id);
  await server.api.reports.saveDraft(usage.id, { ...usage.values, company: 'Example Corp' });
  await server.api.reports.createDraft('migration-story');
  await reader.open('/reports');
  await expect(page.getByTestId('draft-list').getByRole('listitem')).toHaveCount(2);
  // When each was edited changes from run to run.
  await compareBothThemes(page, 'drafts', ['.entry-meta']);
});
