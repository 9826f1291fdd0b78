import { test, expect } from '../fixtures';
import { isMigrationGuide } from '../../../src/shared/page-kinds';
import { corpusAvailable, SKIP_MESSAGE } from '../../helpers/corpus';

test('the palette on the circuit-breaker page: "> report", Enter opens the composer prefilled for the page', async ({
  reader,
  targets,
  page,
  snap,
}) => {
  await reader.openPage(targets.pattern.id);
  await page.keyboard.press('Control+k');
  await expect(reader.switcherInput).toBeFocused();
  await reader.switcherInput.fill('> report');
  const options = reader.switcher.getByRole('option');
  await expect(options.first()).toContainText('Report Your Usage');
  await expect(options.filter({ hasText: 'Report Drafts' })).toHaveCount(1);
  await expect(options.filter({ hasText: 'Tell Your Migration Story' })).toHaveCount(0);
  await expect(reader.switcherInput).toHaveAttribute('aria-activedescendant', 'switcher-option-0');
  await snap('palette-report');
  await page.keyboard.press('Enter');
  await expect(reader.switcher).toBeHidden();
  await expect(page).toHaveURL(/#\/reports\/[A-Za-z0-9-]+$/);
  await expect(page.locator('#report-field-pattern')).toHaveValue(targets.pattern.id);
  await expect(page.getByTestId('report-preview')).toContainText(targets.pattern.title);
});

test('off a pattern page the page commands are greyed with why, and Enter on one does nothing', async ({
  reader,
  page,
  snap,
}) => {
  await reader.open('/');
  await page.keyboard.press('Control+k');
  await reader.switcherInput.fill('>your usage');
  const only = reader.switcher.getByRole('option');
  await expect(only).toHaveCount(1);
  await expect(only).toHaveAttribute('aria-disabled', 'true');
  await expect(only).toContainText('Needs a pattern on screen');
  await reader.switcherInput.fill('check');
  await expect(reader.switcher.getByRole('option').last()).toContainText('Check for Updates');
  await snap('palette-plain');
  await reader.switcherInput.fill('>your usage');
  await page.keyboard.press('Enter');
  await expect(reader.switcher).toBeVisible();
  await reader.switcherInput.fill('>check updates');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#\/updates$/);
});

test('"> story" on a real migration guide opens a migration story prefilled for the guide', async ({
  reader,
  server,
  page,
  corpus,
}) => {
  test.skip(corpus !== 'real', corpusAvailable() ? 'runs in the real-corpus project' : SKIP_MESSAGE);
  const guide = (await server.api.content.listPages()).find(isMigrationGuide);
  expect(guide, 'a migration guide in snap-5').toBeDefined();
  await reader.openPage(guide!.id);
  await page.keyboard.press('Control+k');
  await reader.switcherInput.fill('> story');
  const first = reader.switcher.getByRole('option').first();
  await expect(first).toContainText('Tell Your Migration Story');
  await expect(first).not.toHaveAttribute('aria-disabled', 'true');
  await page.keyboard.press('Enter');
  await expect(reader.switcher).toBeHidden();
  await expect(page).toHaveURL(/#\/reports\/[A-Za-z0-9-]+$/);
  await expect(page.locator('#report-field-guide')).toHaveValue(guide!.id);
  await expect(page.getByTestId('page-reading')).toContainText(guide!.title);
  await expect(page.getByTestId('report-preview')).toContainText(`Guide: ${guide!.title}`);
});
