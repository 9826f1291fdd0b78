import { test, expect } from '../fixtures';
import { reportField as field } from '../reader-page';

/** The playbook and a pattern it migrates to, in each corpus the suite runs on. */
const PAGES = {
  starter: { guide: 'migration/two-phase-commit-to-saga', pattern: 'pattern-library/data-management/saga' },
  real: { guide: 'excellence/migrations/2pc-to-saga', pattern: 'pattern-library/data-management/saga' },
} as const;

test('a checklist run prefills the migration story of its guide and is offered to a related pattern report', async ({
  reader,
  page,
  corpus,
}) => {
  const { guide, pattern } = PAGES[corpus];
  await reader.openPage(guide);
  await expect(page.locator('.page-content[data-checklists-ready]')).toBeAttached();
  const boxes = page.locator('.page-content').getByRole('checkbox');
  await boxes.nth(0).click();
  await expect(boxes.nth(0)).toBeChecked();
  await boxes.nth(1).click();
  await expect(boxes.nth(1)).toBeChecked();
  await expect(page.getByTestId('run-progress')).toContainText(/2 of \d+ done/);

  await page.getByTestId('report-usage').click();
  await expect(page).toHaveURL(/#\/reports\/[A-Za-z0-9-]+$/);
  await expect(page.getByRole('radio', { name: 'In progress' })).toBeChecked();
  await expect(field(page, 'year')).toHaveValue(String(new Date().getUTCFullYear()));
  await expect(field(page, 'guide')).toHaveValue(guide);
  await expect(field(page, 'title')).toHaveValue(/Two-Phase Commit to Saga/);
  await expect(field(page, 'title')).not.toHaveValue(/Playbook/);
  await expect(field(page, 'phases.0.name')).not.toHaveValue('');
  await expect(field(page, 'phases.0.description')).toHaveValue(/checklist items done\.$/);
  await expect(page.getByTestId('report-preview')).toContainText('Phase 1:');

  await reader.openPage(pattern);
  await page.getByTestId('report-usage').click();
  await expect(page).toHaveURL(/#\/reports\/[A-Za-z0-9-]+$/);
  const offer = page.getByTestId('run-offer');
  await expect(offer).toContainText('You have a checklist run of');
  await offer.getByRole('button', { name: 'Attach summary' }).click();
  await expect(offer).toBeHidden();
  await expect(field(page, 'implementation')).toHaveValue(/2 of \d+ done/);
  await expect(page.getByTestId('report-preview')).toContainText(/2 of \d+ done/);
});
