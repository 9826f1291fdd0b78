import { test, expect } from '../fixtures';
import { routeOf } from '../../../src/shared/routes';

test('opens on home, expands the tree and opens a pattern with its page furniture', async ({
  reader,
  targets,
  snap,
}) => {
  await reader.open('/');
  await expect(reader.page.getByRole('heading', { name: 'DStudio', level: 1 })).toBeVisible();
  await expect(reader.page.getByRole('banner')).toBeVisible();
  await expect(reader.main).toBeVisible();
  await snap('home-light');

  await reader.expandTree(targets.pattern.trail.slice(0, -1));
  const link = reader.treeLink(targets.pattern.trail.at(-1) ?? targets.pattern.title);
  await link.click();
  await reader.waitForPage(targets.pattern.title);
  expect(await reader.route()).toBe(routeOf(targets.pattern.id).slice(1));

  // Current page highlighted and revealed in the tree.
  await expect(reader.tree.locator('[aria-current="page"]')).toHaveCount(1);
  await expect(reader.tree.locator('[aria-current="page"]')).toBeInViewport();
  // Breadcrumbs, tier banner, chips, TOC, source path.
  await expect(reader.page.getByRole('navigation', { name: 'Breadcrumbs' })).toContainText(
    targets.pattern.title,
  );
  await expect(reader.tierBanner).toContainText(/Gold pattern/);
  await expect(reader.page.getByRole('list', { name: 'About this page' })).toContainText('Reading time');
  await expect(reader.toc).toBeVisible();
  await expect(reader.page.locator('.page-footer')).toContainText(`${targets.pattern.id}.md`);
  await snap('page-light');

  // The TOC follows scrolling.
  const last = reader.toc.getByRole('link').last();
  await last.click();
  await expect(last).toHaveAttribute('aria-current', 'location');
});

test('follows an internal link to an anchor and comes back to where it was', async ({
  reader,
  targets,
  page,
}) => {
  await reader.openPage(targets.link.from);
  const link = reader.content.locator(`a[href="${targets.link.href}"]`).first();
  await link.scrollIntoViewIfNeeded();
  const before = await reader.main.evaluate((el) => el.scrollTop);
  await link.click();
  await reader.waitForPage();
  expect(await reader.route()).toBe(routeOf(targets.link.to, targets.link.anchor).slice(1));
  const heading = reader.anchorTarget(targets.link.headingId);
  await expect(heading).toBeVisible();
  await expect.poll(() => reader.isInView(heading)).toBe(true);

  await page.keyboard.press('Alt+ArrowLeft');
  await expect.poll(() => reader.route()).toBe(routeOf(targets.link.from).slice(1));
  await expect(link).toBeVisible();
  // Back where we were, not at the top.
  await expect
    .poll(() => reader.main.evaluate((el) => el.scrollTop))
    .toBeGreaterThan(Math.max(0, before - 40));
  await expect.poll(() => reader.isInView(link)).toBe(true);

  await page.keyboard.press('Alt+ArrowRight');
  await expect.poll(() => reader.route()).toBe(routeOf(targets.link.to, targets.link.anchor).slice(1));
});

test('marks broken links visibly', async ({ reader, targets }) => {
  test.skip(!targets.brokenLinkPage, 'this corpus has no broken links');
  await reader.openPage(targets.brokenLinkPage!);
  const broken = reader.content.locator('a.broken-link').first();
  await expect(broken).toBeVisible();
  await expect(broken).toHaveAttribute('title', /Broken link/);
  const style = await broken.evaluate((el) => getComputedStyle(el).textDecorationStyle);
  expect(style).toBe('wavy');
});

test('shows a not-found state for an unknown page and resolves aliases', async ({ reader, server }) => {
  await reader.open('/page/no/such/page');
  await expect(reader.page.getByRole('heading', { name: 'Page not found' })).toBeVisible();

  const ids = (await server.api.content.listPages()).map((p) => p.id);
  let aliased: { id: string; alias: string } | null = null;
  for (let i = 0; i < ids.length && !aliased; i += 50) {
    const withAlias = (await server.api.content.getPages(ids.slice(i, i + 50))).find(
      (p) => p.aliases.length > 0,
    );
    if (withAlias) aliased = { id: withAlias.id, alias: withAlias.aliases[0]! };
  }
  test.skip(!aliased, 'this corpus has no aliases');
  await reader.openPage(aliased!.alias);
  await expect.poll(() => reader.route()).toBe(routeOf(aliased!.id).slice(1));
});

test('restores the reading position when coming back to a page later', async ({
  reader,
  targets,
  server,
}) => {
  await reader.openPage(targets.pattern.id);
  await reader.main.evaluate((el) => (el.scrollTop = (el.scrollHeight - el.clientHeight) * 0.6));
  // The position is saved shortly after scrolling stops, in user.db.
  await expect
    .poll(async () => (await server.api.user.getReadingState(targets.pattern.id))?.scrollRatio ?? 0)
    .toBeGreaterThan(0.5);
  await reader.open('/catalogue');
  await reader.page.reload();
  await reader.openPage(targets.pattern.id);
  await expect.poll(() => reader.scrollRatio()).toBeGreaterThan(0.5);
});

test('bookmarks a page, keeps it across a reload and a server restart, and lists history', async ({
  reader,
  targets,
  contentDb,
  profileDir,
  snap,
}) => {
  await reader.openPage(targets.pattern.id);
  const toggle = reader.page.getByTestId('bookmark-toggle');
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await reader.page.getByTestId('read-toggle').click();
  await expect(reader.page.getByTestId('read-toggle')).toHaveText(/Read/);
  // The read marker shows in the tree at once, and on the catalogue card.
  const currentRow = reader.tree.locator('.nav-row', { has: reader.page.locator('[aria-current="page"]') });
  await expect(currentRow.getByTestId('nav-read-mark')).toBeVisible();
  await snap('page-read-light');

  await reader.page.reload();
  await reader.page.getByRole('link', { name: 'Bookmarks' }).click();
  await expect(reader.page.getByTestId('bookmark-list')).toContainText(targets.pattern.title);

  // A new server over the same user.db: the bookmark lives in user.db, not in the browser.
  const { startServe } = await import('../serve-process');
  const { join } = await import('node:path');
  const second = await startServe(contentDb, join(profileDir, 'user.db'));
  try {
    const fresh = await reader.page.context().browser()!.newPage();
    await fresh.goto(`${second.url}#/bookmarks`);
    await expect(fresh.getByTestId('bookmark-list')).toContainText(targets.pattern.title);
    await fresh.getByRole('link', { name: targets.pattern.title }).click();
    await expect(fresh.getByTestId('read-toggle')).toHaveText(/Read/);
    await fresh.goto(`${second.url}#/catalogue`);
    const card = fresh.locator('.pattern-card', {
      has: fresh.getByRole('link', { name: targets.pattern.title, exact: true }),
    });
    await expect(card.getByTestId('card-read-mark')).toBeVisible();
    await fresh.goto(`${second.url}#/history`);
    await expect(fresh.getByRole('main')).toContainText(targets.pattern.title);
    await fresh.close();
  } finally {
    await second.stop();
  }
});
