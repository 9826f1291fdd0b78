import { test, expect } from '../fixtures';

test('switches to dark and back, remembers it, and screenshots the main screens in dark', async ({
  reader,
  targets,
  server,
  snap,
  page,
}) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await reader.open('/');
  expect(await reader.theme()).toBe('light');
  const toggle = reader.themeToggle();
  await toggle.click(); // system → light
  await toggle.click(); // light → dark
  await expect.poll(() => reader.theme()).toBe('dark');
  await expect.poll(async () => (await server.api.user.getSettings()).theme).toBe('dark');
  const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(bg).toBe('rgb(15, 20, 25)');
  await snap('home-dark');

  await page.reload();
  await expect.poll(() => reader.theme()).toBe('dark');
  await reader.openPage(targets.pattern.id);
  await snap('page-dark');
  await reader.open('/catalogue');
  await expect(page.getByTestId('pattern-cards')).toBeVisible();
  await snap('catalogue-dark');
  await reader.openPage(targets.bronze.id);
  await snap('bronze-page-dark');
  await reader.open(`/search?q=${encodeURIComponent(targets.search.text)}`);
  await expect(page.getByTestId('search-results')).toBeVisible();
  await snap('search-dark');
  await page.keyboard.press('Control+k');
  await reader.switcherInput.fill('saga');
  await expect(reader.switcher.getByRole('option').first()).toBeVisible();
  await snap('switcher-dark');
  await page.keyboard.press('Escape');

  await toggle.click(); // dark → system (light here)
  await expect.poll(() => reader.theme()).toBe('light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect.poll(() => reader.theme()).toBe('dark');
  await page.emulateMedia({ colorScheme: 'light' });
});

test('zooms with Ctrl +/−/0 and keeps the zoom', async ({ reader, page, server }) => {
  await reader.open('/');
  const size = () => page.evaluate(() => getComputedStyle(document.documentElement).fontSize);
  expect(await size()).toBe('16px');
  await page.keyboard.press('Control+=');
  await expect.poll(size).toBe('17.6px');
  await expect.poll(async () => (await server.api.user.getSettings()).zoom).toBe(1.1);
  await page.reload();
  await expect.poll(size).toBe('17.6px');
  await page.keyboard.press('Control+-');
  await page.keyboard.press('Control+-');
  await expect.poll(size).toBe('14.4px');
  await page.keyboard.press('Control+0');
  await expect.poll(size).toBe('16px');
});

test('serves the UI with the strict CSP, and an empty library explains what to do', async ({
  reader,
  server,
  profileDir,
}) => {
  const res = await reader.page.request.get(server.origin + '/');
  expect(res.headers()['content-security-policy']).toContain("script-src 'self'");
  const { startServe } = await import('../serve-process');
  const { join } = await import('node:path');
  const empty = await startServe(join(profileDir, 'empty-content.db'), join(profileDir, 'user.db'));
  try {
    await reader.page.goto(`${empty.url}#/`);
    await expect(reader.page.getByRole('heading', { name: 'No content imported yet' })).toBeVisible();
    await reader.page.goto(`${empty.url}#/catalogue`);
    await expect(reader.page.getByRole('heading', { name: 'No content imported yet' })).toBeVisible();
  } finally {
    // Off the server before it stops: a route's script still loading would fail and be logged.
    await reader.page.goto('about:blank');
    await empty.stop();
  }
});
