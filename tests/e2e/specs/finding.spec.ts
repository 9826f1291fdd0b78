import { test, expect } from '../fixtures';

test('instant results appear under the search box and open a page', async ({ reader, targets, snap }) => {
  await reader.open('/');
  await reader.searchBox.fill(targets.search.text);
  await expect(reader.instantResults.getByRole('option').first()).toBeVisible();
  await expect(reader.instantResults.locator('mark').first()).toBeVisible();
  await snap('instant-results-light');
  await reader.instantResults.getByRole('option').first().click();
  await reader.waitForPage();
});

test('searches with a tier filter and opens a result at its section', async ({ reader, targets, snap }) => {
  await reader.open('/');
  await reader.searchBox.fill(targets.search.text);
  await reader.searchBox.press('Enter');
  await expect(reader.page.getByRole('heading', { name: 'Search', level: 1 })).toBeVisible();
  const results = reader.page.getByTestId('search-results');
  await expect(results.locator('li').first()).toBeVisible();

  await reader.page.getByTestId(`tier-toggle-${targets.search.tier}`).click();
  await expect(reader.page).toHaveURL(new RegExp(`tier=${targets.search.tier}`));
  await expect(results.locator('li').first()).toBeVisible();
  const badges = results.locator('.tier-badge');
  const count = await results.locator('li').count();
  await expect(badges).toHaveCount(count);
  for (const text of await badges.allTextContents()) expect(text.trim()).toBe(targets.search.tier);
  await snap('search-light');

  // Open the first result that points at a section, and land on that heading.
  const sectionLink = results.locator('a.result-title:has(.result-section)').first();
  await expect(sectionLink).toBeVisible();
  await sectionLink.click();
  await reader.waitForPage();
  const anchor = new URLSearchParams((await reader.route()).split('?')[1]).get('h');
  expect(anchor).toBeTruthy();
  const heading = reader.anchorTarget(anchor!);
  await expect.poll(() => reader.isInView(heading)).toBe(true);
});

test('search with no results says so', async ({ reader }) => {
  await reader.open('/search?q=zzqxjvkw');
  await expect(reader.page.getByRole('heading', { name: /No results for/ })).toBeVisible();
});

test('the quick switcher finds a page despite a typo', async ({ reader, targets, page, snap }) => {
  await reader.open('/');
  await page.keyboard.press('Control+k');
  await expect(reader.switcher).toBeVisible();
  await expect(reader.switcherInput).toBeFocused();
  await reader.switcherInput.fill(targets.switcherTypo.typo);
  const options = reader.switcher.getByRole('option');
  await expect(options.first()).toBeVisible();
  await snap('switcher-light');
  const texts = (await options.allTextContents()).slice(0, 3).join(' | ');
  expect(texts.toLowerCase()).toContain('circuit breaker');
  await page.keyboard.press('Enter');
  await expect(reader.switcher).toBeHidden();
  await reader.waitForPage();
  expect(await reader.route()).toContain(targets.switcherTypo.expectId);
});

test('once its data is in, the quick switcher matches in the page, with no request per keystroke', async ({
  reader,
  targets,
  page,
}) => {
  await reader.open('/');
  await page.keyboard.press('Control+k');
  await expect(reader.switcher).toHaveAttribute('data-matching', 'local');
  const asked: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/api/search/')) asked.push(r.url());
  });
  await reader.switcherInput.pressSequentially(targets.switcherTypo.typo);
  const first = reader.switcher.getByRole('option').first();
  await expect(first).toContainText(/circuit breaker/i);
  expect(asked).toEqual([]);
  await page.keyboard.press('Enter');
  await reader.waitForPage();
  expect(await reader.route()).toContain(targets.switcherTypo.expectId);
});

test('find in page counts and steps through matches', async ({ reader, targets, page }) => {
  await reader.openPage(targets.pattern.id);
  await page.keyboard.press('Control+f');
  const input = page.getByTestId('find-input');
  await expect(input).toBeFocused();
  await input.fill('circuit');
  await expect(page.getByTestId('find-count')).toHaveText(/^1 of \d+/);
  await input.press('Enter');
  await expect(page.getByTestId('find-count')).toHaveText(/^2 of \d+/);
  const painted = await page.evaluate(() => CSS.highlights.get('find-match')?.size ?? 0);
  expect(painted).toBeGreaterThan(1);
  await input.press('Escape');
  await expect(input).toBeHidden();
  expect(await page.evaluate(() => CSS.highlights.has('find-match'))).toBe(false);
});
