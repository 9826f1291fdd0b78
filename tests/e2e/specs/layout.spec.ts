import { test, expect } from '../fixtures';

/** How far the document itself has scrolled, and where the top bar is: both must stay at 0. */
function documentState(): { scrollTop: number; scrollLeft: number; topBar: number } {
  const doc = document.scrollingElement ?? document.documentElement;
  return {
    scrollTop: doc.scrollTop,
    scrollLeft: doc.scrollLeft,
    topBar: document.querySelector('.app-top')?.getBoundingClientRect().top ?? NaN,
  };
}

test('only the page pane and the navigation pane scroll, never the document', async ({
  reader,
  targets,
  page,
}) => {
  // A short window and a fully expanded tree: the navigation is far longer than the window.
  await page.setViewportSize({ width: 1100, height: 420 });
  await reader.openPage(targets.pattern.id);
  for (let i = 0; i < 30; i++) {
    const toggles = reader.tree.getByRole('button', { name: /^Expand / });
    if ((await toggles.count()) === 0) break;
    await toggles.first().click();
  }
  expect(await reader.tree.evaluate((t) => t.scrollHeight > t.clientHeight)).toBe(true);

  await reader.main.focus();
  await page.keyboard.press('End');
  await page.keyboard.press('Control+f');
  await page.keyboard.type('the');
  await expect(page.getByTestId('find-count')).toHaveText(/of/);
  for (let i = 0; i < 5; i++) await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
  await page.locator('body').press('End');
  // Bringing the last tree entry into view scrolls the tree pane, not the document.
  await reader.tree.getByRole('link').last().scrollIntoViewIfNeeded();

  expect(await page.evaluate(documentState)).toEqual({ scrollTop: 0, scrollLeft: 0, topBar: 0 });
  expect(await reader.main.evaluate((m) => m.scrollTop)).toBeGreaterThan(0);
});
