import { test, expect } from '../fixtures';

test('keyboard only: search, open a result, bookmark, go back, switch page, find, shortcut sheet', async ({
  reader,
  targets,
  page,
  snap,
}) => {
  await reader.open('/');
  // Skip link is the first stop, and it is visible when focused.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Skip to content' })).toBeFocused();

  await page.keyboard.press('/');
  await expect(reader.searchBox).toBeFocused();
  await page.keyboard.type(targets.search.text);
  await expect(reader.instantResults.getByRole('option').first()).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await expect(reader.instantResults.getByRole('option').first()).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  await reader.waitForPage();
  const first = await reader.route();

  // Tab to the bookmark button and press it.
  const bookmark = page.getByTestId('bookmark-toggle');
  for (let i = 0; i < 60 && !(await bookmark.evaluate((el) => el === document.activeElement)); i++)
    await page.keyboard.press('Tab');
  await expect(bookmark).toBeFocused();
  await expect(bookmark).toHaveCSS('outline-style', 'solid');
  await page.keyboard.press('Enter');
  await expect(bookmark).toHaveAttribute('aria-pressed', 'true');

  await page.keyboard.press('Control+k');
  await page.keyboard.type('saga');
  await expect(reader.switcher.getByRole('option').first()).toBeVisible();
  await page.keyboard.press('Enter');
  await reader.waitForPage();
  expect(await reader.route()).not.toBe(first);

  await page.keyboard.press('Alt+ArrowLeft');
  await expect.poll(() => reader.route()).toBe(first);

  await page.keyboard.press('Control+f');
  await page.keyboard.type('the');
  await expect(page.getByTestId('find-count')).toHaveText(/of/);
  await page.keyboard.press('Escape');

  await reader.main.focus();
  await page.keyboard.press('?');
  const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(sheet).toBeVisible();
  await snap('shortcuts-light');
  await page.keyboard.press('Escape');
  await expect(sheet).toBeHidden();

  // The tree is reachable: Tab into it and expand a section with Enter.
  const firstToggle = reader.tree.getByRole('button', { name: /^Expand / }).first();
  await firstToggle.focus();
  await page.keyboard.press('Enter');
  await expect(reader.tree.getByRole('button', { name: /^Collapse / }).first()).toBeVisible();
});
