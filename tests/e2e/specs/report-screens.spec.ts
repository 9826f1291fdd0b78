import { test, expect, type Page } from '../fixtures';
import { reportField as field } from '../reader-page';

/**
 * Reviewed baselines of the composer (empty, with errors, with preview) and the drafts list,
 * light and dark: each state was looked at when its baseline was written
 * (`--update-snapshots`), and a change to how it looks fails here until it is looked at again.
 */

// The baselines show the starter content, which only changes with this repository.
test.skip(({ corpus }) => corpus !== 'starter', 'reviewed baselines exist for the starter content only');

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
  await reader.openUsageReport(targets.pattern.id);
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

test('the migration story composer, empty and prefilled from a finished run with its preview, in both themes', async ({
  reader,
  server,
  page,
}) => {
  const empty = await server.api.reports.createDraft('migration-story');
  await reader.open(`/reports/${empty.id}`);
  await expect(field(page, 'title')).toHaveValue('');
  await expect(page.getByTestId('report-preview')).toBeVisible();
  await compareBothThemes(page, 'story-empty');

  // Every item of the starter guide's checklists done: a finished run to prefill from.
  const guide = 'migration/two-phase-commit-to-saga';
  const { checklists } = await server.api.progress.getPage(guide, null);
  const keys = checklists.flatMap((c) => c.items.map((i) => i.key));
  expect(keys.length).toBeGreaterThan(1);
  for (const itemKey of keys) {
    await server.api.progress.setItem({ pageId: guide, runId: null, itemKey, state: 'done' });
  }
  const story = await server.api.reports.createDraft('migration-story', guide);
  await reader.open(`/reports/${story.id}`);
  await expect(page.getByRole('radio', { name: 'Completed' })).toBeChecked();
  await expect(field(page, 'year')).toHaveValue(String(new Date().getUTCFullYear()));
  await expect(field(page, 'guide')).toHaveValue(guide);
  await expect(field(page, 'phases.0.description')).toHaveValue(/checklist items done\.$/);
  // The baseline must not change with the calendar.
  await field(page, 'year').fill('2025');
  await field(page, 'context').fill(
    'Orders spanned three services; a stuck coordinator held locks for minutes.',
  );
  await field(page, 'decision').fill('Orchestrated sagas with compensations, one per order flow.');
  await page.getByRole('button', { name: 'Add an entry to Alternatives Considered' }).click();
  await field(page, 'alternatives.0.name').fill('Keep 2PC, shorter timeouts');
  await field(page, 'alternatives.0.pros').fill('No new code paths.');
  await field(page, 'alternatives.0.cons').fill('Locks still held across services.');
  await expect(page.getByTestId('report-preview')).toContainText('Locks still held across services.');
  await page.getByRole('button', { name: 'Add an entry to Outcomes' }).click();
  await field(page, 'outcomes.0.metric').fill('p99 checkout latency');
  await field(page, 'outcomes.0.before').fill('1.8 s');
  await field(page, 'outcomes.0.after').fill('420 ms');
  await field(page, 'lessons').fill('- Write compensations first.\n- Make every step idempotent.');
  await expect(page.getByTestId('report-preview')).toContainText('Make every step idempotent.');
  await expect(page.getByTestId('report-preview')).toContainText('Phase 1:');
  await expect(page.locator('.field-error, .list-error')).toHaveCount(0);
  // The part the run prefilled and the before/after table, in the preview's own scroll.
  await page
    .getByTestId('report-preview')
    .getByRole('heading', { name: 'Implementation Phases' })
    .evaluate((h: HTMLElement) => {
      const box = h.closest<HTMLElement>('.composer-preview')!;
      box.scrollTop = h.offsetTop - box.querySelector<HTMLElement>('.preview-title')!.offsetHeight - 8;
    });
  await compareBothThemes(page, 'story-preview');
});
