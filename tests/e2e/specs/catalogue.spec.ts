import { test, expect } from '../fixtures';

test('the catalogue shows gold only by default, filters to bronze and shows the legacy banner', async ({
  reader,
  targets,
  snap,
}) => {
  await reader.open('/catalogue');
  const cards = reader.page.getByTestId('pattern-cards').locator('li');
  await expect(cards.first()).toBeVisible();
  await expect(reader.page.getByTestId('tier-toggle-gold')).toHaveAttribute('aria-pressed', 'true');
  await expect(reader.page.getByTestId('tier-toggle-bronze')).toHaveAttribute('aria-pressed', 'false');
  for (const t of await cards.locator('.tier-badge').allTextContents()) expect(t.trim()).toBe('gold');
  await snap('catalogue-light');

  await reader.page.getByTestId('tier-toggle-gold').click();
  await reader.page.getByTestId('tier-toggle-bronze').click();
  await expect(cards.first()).toBeVisible();
  for (const t of await cards.locator('.tier-badge').allTextContents()) expect(t.trim()).toBe('bronze');

  // A category facet narrows further and shows counts.
  const facet = reader.page.locator('.facet').first().locator('label').first();
  const facetCount = Number(await facet.locator('.facet-count').textContent());
  await facet.locator('input').check();
  await expect(cards).toHaveCount(facetCount);
  await facet.locator('input').uncheck();

  await reader.page.getByTestId('catalogue-text').fill(targets.bronze.title.split(' ')[0]!);
  await cards.getByRole('link', { name: targets.bronze.title, exact: true }).click();
  await reader.waitForPage(targets.bronze.title);
  await expect(reader.tierBanner).toContainText(/Bronze pattern/);
  await expect(reader.tierBanner).toHaveClass(/is-legacy/);
  await snap('bronze-page-light');
});

test('the catalogue filter is remembered between runs (user.db settings)', async ({ reader, server }) => {
  await reader.open('/catalogue');
  await reader.page.getByTestId('tier-toggle-silver').click();
  await reader.page.getByTestId('catalogue-sort').selectOption('tier');
  await expect
    .poll(async () => (await server.api.user.getSettings())['catalogue.filter'])
    .toMatchObject({ tiers: ['gold', 'silver'], sort: 'tier' });
  await reader.page.reload();
  await expect(reader.page.getByTestId('tier-toggle-silver')).toHaveAttribute('aria-pressed', 'true');
  await expect(reader.page.getByTestId('catalogue-sort')).toHaveValue('tier');
});
