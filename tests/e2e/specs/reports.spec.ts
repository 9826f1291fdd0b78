import { readFileSync } from 'node:fs';
import { test, expect } from '../fixtures';
import { reportField as field } from '../reader-page';
import { patternUsageTemplate } from '../../../src/shared/templates/pattern-usage';
import { toMarkdown } from '../../../src/shared/templates';

const HOSTILE =
  '<svg onload="window.__xss=1"></svg> <img onerror="window.__xss=4"> <script>window.__xss=2</script> [x](javascript:window.__xss=3)';

test('drafts a report from the circuit-breaker page, survives a reload, fixes an error and exports the exact Markdown', async ({
  reader,
  targets,
  server,
  page,
  snap,
}) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await reader.openUsageReport(targets.pattern.id);
  const draftId = /reports\/([A-Za-z0-9-]+)$/.exec(page.url())![1]!;
  await expect(page.getByTestId('report-preview')).toContainText(targets.pattern.title);
  await snap('report-empty-light');

  await field(page, 'company').fill('Example Corp, payments team');
  await field(page, 'scale').fill('lots');
  await field(page, 'duration').fill('2 years');
  await expect(page.getByTestId('quantity-reading')).toContainText('2 years (about 24 months)');
  await field(page, 'implementation').fill(`Breakers in the client library.\n\n${HOSTILE}`);
  await field(page, 'implementation').blur();
  await expect(page.locator('[data-path="scale"] .field-error')).toContainText('needs a number and a unit');
  await expect(page.getByTestId('save-state')).toHaveText('Saved on this computer');

  // Reload mid-way: everything typed is in user.db.
  await page.reload();
  await expect(field(page, 'company')).toHaveValue('Example Corp, payments team');
  await expect(field(page, 'implementation')).toHaveValue(`Breakers in the client library.\n\n${HOSTILE}`);

  // Export is blocked, with the list of what is missing.
  await page.getByTestId('export-md').click();
  const blocking = page.getByTestId('blocking-issues');
  await expect(blocking).toContainText('Scale needs a number and a unit');
  await expect(blocking).toContainText('Lessons Learned is required');
  await snap('report-errors-light');

  await field(page, 'scale').fill('50K req/s');
  await expect(page.getByTestId('quantity-reading').first()).toContainText('50,000 requests per second');
  await field(page, 'outcomes.performance').fill('p99 fell from 2 s to 300 ms.');
  await field(page, 'lessons').fill('- Tune per dependency.\n- Alert on open breakers.');
  await page.getByLabel('Yes, with caveats').check();
  await field(page, 'recommend.why').fill('Only with good timeouts.');
  await expect(page.getByTestId('report-preview')).toContainText('Only with good timeouts.');
  await expect(page.getByTestId('save-state')).toHaveText('Saved on this computer');
  await expect(blocking).toHaveCount(0);
  await page.getByTestId('report-preview').scrollIntoViewIfNeeded();
  await snap('report-preview-light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await snap('report-preview-dark');
  await page.emulateMedia({ colorScheme: 'light' });

  const download = page.waitForEvent('download');
  await page.getByTestId('export-md').click();
  const file = await download;
  const text = readFileSync((await file.path())!, 'utf8');
  const saved = await server.api.reports.getDraft(draftId);
  expect(saved).not.toBeNull();
  const date = /^date: (\d{4}-\d\d-\d\d)$/m.exec(text)?.[1] ?? '';
  expect(text).toBe(
    toMarkdown(patternUsageTemplate, saved!.values, {
      date,
      pageTitle: (id) => (id === targets.pattern.id ? targets.pattern.title : null),
    }),
  );
  expect(text).toContain('### Would you recommend?\n\n**Answer**: Yes, with caveats\n');
  expect(file.suggestedFilename()).toMatch(
    /^pattern-usage-report-circuit-breaker(-pattern)?-\d{4}-\d\d-\d\d\.md$/,
  );
  await expect(page.getByTestId('composer-notice')).toContainText('Downloaded');

  // The markup typed into a field is shown inert in the preview, never run.
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  await expect(page.getByTestId('report-preview').locator('script, [onerror], [onload]')).toHaveCount(0);
});

test('drafts list: search, duplicate, delete and undo', async ({ reader, server, page, snap }) => {
  const a = await server.api.reports.createDraft('migration-story');
  await server.api.reports.saveDraft(a.id, { ...a.values, title: 'Monolith to services' });
  await server.api.reports.createDraft('pattern-usage', 'pattern-library/resilience/circuit-breaker');
  await reader.open('/reports');
  const list = page.getByTestId('draft-list');
  await expect(list.getByRole('listitem')).toHaveCount(2);
  await page.getByRole('button', { name: 'Duplicate Monolith to services' }).click();
  await expect(list.getByRole('listitem')).toHaveCount(3);
  await page.getByLabel('Search drafts').fill('circuit');
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await page.getByLabel('Search drafts').fill('');
  await page.getByRole('button', { name: 'Delete Monolith to services' }).first().click();
  await expect(list.getByRole('listitem')).toHaveCount(2);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(list.getByRole('listitem')).toHaveCount(3);
  await snap('report-drafts-light');
});

test("a field's problem revealed by a press further down waits for the click, which lands where it was aimed", async ({
  reader,
  targets,
  page,
}) => {
  await reader.openUsageReport(targets.pattern.id);
  // Lessons Learned is required and left empty: leaving it reveals its problem right above the radios.
  const radio = page.getByLabel('Yes, with caveats');
  await radio.scrollIntoViewIfNeeded();
  await field(page, 'lessons').focus();
  const box = (await radio.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  // A person's press lasts this long; the form re-renders meanwhile.
  await page.waitForTimeout(150);
  await page.mouse.up();
  await expect(radio).toBeChecked();
  await expect(page.locator('[data-path="lessons"] .field-error')).toHaveText('Lessons Learned is required.');
  await expect(page.getByTestId('report-preview')).toContainText('Yes, with caveats');
});

test('problems of a preview still on its way are not shown under fields filled in since', async ({
  reader,
  targets,
  page,
}) => {
  await reader.openUsageReport(targets.pattern.id);
  await expect(page.getByTestId('report-preview')).toContainText(targets.pattern.title);
  // From now on every preview takes a while, as on a long draft or a busy machine.
  await page.route('**/api/reports/previewReport', async (route) => {
    await new Promise((r) => setTimeout(r, 1500));
    await route.continue().catch(() => {});
  });
  await field(page, 'company').fill('Example Corp, payments team');
  await field(page, 'scale').fill('lots');
  await field(page, 'duration').fill('');
  // Scale's own problem shows at once; Company's "required" from the preview on screen does not.
  await expect(page.locator('[data-path="scale"] .field-error')).toContainText('needs a number and a unit');
  // Asked once, not retried: the stale problem would go when the preview arrives.
  expect(await page.locator('[data-path="company"] .field-error').count()).toBe(0);
  await expect(page.getByTestId('report-preview')).toContainText('Example Corp, payments team');
  await expect(page.locator('[data-path="company"] .field-error')).toHaveCount(0);
});

test('a field pasted at 1 MB is kept and marked too long; a draft past what one can hold is not saved, and says so', async ({
  reader,
  targets,
  page,
}) => {
  await reader.openUsageReport(targets.pattern.id);
  await field(page, 'company').fill('Example Corp');
  await expect(page.getByTestId('save-state')).toHaveText('Saved on this computer');

  // 1 MB: far over the field's limit, but kept, so nothing typed is lost while it is shortened.
  const megabyte = 'y'.repeat(1024 * 1024);
  await field(page, 'lessons').fill(megabyte);
  await field(page, 'lessons').blur();
  await expect(page.getByTestId('save-state')).toHaveText('Saved on this computer');
  await expect(page.locator('[data-path="lessons"] .field-error')).toContainText(
    'is 1,048,576 characters long; the limit is 20,000',
  );
  await page.reload();
  await expect(field(page, 'lessons')).toHaveValue(megabyte);
  await page.getByTestId('export-md').click();
  await expect(page.getByTestId('blocking-issues')).toContainText(
    'Lessons Learned is 1,048,576 characters long',
  );

  // Past 2 MB: not sent at all; the version saved before stays.
  await field(page, 'implementation').fill('z'.repeat(1024 * 1024 + 1));
  await expect(page.getByTestId('save-state')).toHaveText('Not saved');
  await expect(page.getByTestId('save-problem')).toContainText('more than the 2,000,000 a draft can hold');
  await page.reload();
  await expect(field(page, 'implementation')).toHaveValue('');
  await expect(field(page, 'lessons')).toHaveValue(megabyte);
  await expect(page.getByTestId('save-problem')).toHaveCount(0);
});
