import { test, expect } from '../fixtures';
import { routeOf } from '../../../src/shared/routes';

// The corpus page with the longest strip of tab labels, each tab holding its own headings.
const PAGE = 'core-principles/laws/tests/correlated-failure-exam-set-2';

test('a long strip of tab labels wraps, and TOC links and deep links open the tab holding the heading', async ({
  reader,
  corpus,
  snap,
}) => {
  test.skip(corpus !== 'real', 'the starter content has no long tab strip');
  await reader.openPage(PAGE);
  const strip = reader.content.getByRole('tablist').first();
  const tabs = strip.getByRole('tab');
  expect(await tabs.count()).toBeGreaterThanOrEqual(10);
  await strip.scrollIntoViewIfNeeded();
  // Every label is inside the strip and the pane: nothing hidden behind a scroll.
  expect(await strip.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
  const box = (await strip.boundingBox())!;
  for (const tab of await tabs.all()) {
    await expect(tab).toBeInViewport({ ratio: 1 });
    const r = (await tab.boundingBox())!;
    expect(r.x + r.width).toBeLessThanOrEqual(box.x + box.width + 0.5);
  }
  // Headings in the hidden tabs are not taken for the one being read.
  const currentHidden = () =>
    reader.page.evaluate(() => {
      const href = document.querySelector('[aria-current="location"]')?.getAttribute('href');
      const id = href ? new URLSearchParams(href.split('?')[1]).get('h') : null;
      const el = id ? (document.getElementById(`user-content-${id}`) ?? document.getElementById(id)) : null;
      return el !== null && el.getClientRects().length === 0;
    });
  await expect.poll(currentHidden).toBe(false);
  await snap('tabs-wrapped');

  // The last tab's heading, chosen in the table of contents, while the first tab is shown.
  const lastTab = tabs.last();
  await expect(lastTab).toHaveAttribute('aria-selected', 'false');
  const panelId = await lastTab.getAttribute('aria-controls');
  const headingEl = reader.content.locator(`[id="${panelId}"] :is(h2, h3, h4)[id]`).first();
  const headingId = (await headingEl.getAttribute('id'))!.replace(/^user-content-/, '');
  const tocLink = reader.toc.locator(`a[href="${routeOf(PAGE, headingId)}"]`);
  await tocLink.click();
  await expect(tocLink).toHaveAttribute('aria-current', 'location');
  await expect(lastTab).toHaveAttribute('aria-selected', 'true');
  await expect(headingEl).toBeVisible();
  await expect.poll(() => reader.isInView(headingEl)).toBe(true);

  // The same heading reached by a deep link (as a search result opens it) on a fresh load.
  await reader.page.goto('about:blank');
  await reader.openPage(PAGE, headingId);
  await expect(lastTab).toHaveAttribute('aria-selected', 'true');
  await expect(headingEl).toBeVisible();
  await expect.poll(() => reader.isInView(headingEl)).toBe(true);
});
