import { routeOf } from '../../../src/shared/routes';
import type { ServeProcess } from '../serve-process';
import { expect, test, type Page } from '../fixtures';

const GUIDE = 'migration/two-phase-commit-to-saga';

/** The first two checklist items of the starter guide, by key and text. */
async function twoItems(server: ServeProcess) {
  const [a, b] = (await server.api.progress.getPage(GUIDE, null)).checklists.flatMap((c) => c.items);
  return [a!, b!] as const;
}

/** Watches the page's setItem calls: what each sent, and how many were in flight at once. */
function trackSaves(page: Page) {
  const states: string[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  let answered = 0;
  const isSave = (url: string) => url.endsWith('/api/progress/setItem');
  page.on('request', (r) => {
    if (!isSave(r.url())) return;
    states.push((JSON.parse(r.postData()!) as [{ state: string }])[0].state);
    maxInFlight = Math.max(maxInFlight, ++inFlight);
  });
  const done = (r: { url(): string }) => {
    if (!isSave(r.url())) return;
    inFlight--;
    answered++;
  };
  page.on('requestfinished', done);
  page.on('requestfailed', done);
  return {
    states,
    maxInFlight: () => maxInFlight,
    settled: () => states.length > 0 && states.length === answered,
  };
}

test.describe('a checklist toggle is painted at once, saved in order', () => {
  test('rapid toggles of one item while saves are slow: the last click wins on screen and in user.db', async ({
    page,
    server,
  }) => {
    test.skip(test.info().project.name !== 'starter', 'the starter guide is enough: runs once');
    const [a] = await twoItems(server);
    // Every save answers late, so the clicks below all happen while one is in flight.
    await page.route('**/api/progress/setItem', async (route) => {
      await new Promise((r) => setTimeout(r, 1500));
      await route.continue();
    });
    const saves = trackSaves(page);
    await page.goto(`${server.url}${routeOf(GUIDE)}`);
    await expect(page.locator('.page-content[data-checklists-ready]')).toBeAttached();
    const box = page.getByRole('checkbox', { name: a.text });

    await box.click();
    // Painted before the (late) answer.
    await expect(box).toBeChecked({ timeout: 1000 });
    await box.click();
    await box.click();
    await box.click();
    await expect(box).not.toBeChecked();

    await expect.poll(saves.settled, { timeout: 15_000 }).toBe(true);
    // One save at a time, in click order; clicks made while one was in flight were sent as one change.
    expect(saves.maxInFlight()).toBe(1);
    expect(saves.states[0]).toBe('done');
    expect(saves.states.at(-1)).toBe('todo');
    expect(saves.states.length).toBeLessThan(4);
    const saved = await server.api.progress.getPage(GUIDE, null);
    expect(saved.items[a.key]?.state).toBe('todo');
    await expect(box).not.toBeChecked();
    await page.reload();
    await expect(page.locator('.page-content[data-checklists-ready]')).toBeAttached();
    await expect(page.getByRole('checkbox', { name: a.text })).not.toBeChecked();
    await expect(page.getByTestId('run-progress')).toContainText(/^0 of \d+ done/);
  });

  test('a change the server refuses is rolled back, counts included, with a message', async ({
    page,
    server,
  }) => {
    test.skip(test.info().project.name !== 'starter', 'the starter guide is enough: runs once');
    const [a, b] = await twoItems(server);
    await page.goto(`${server.url}${routeOf(GUIDE)}`);
    await expect(page.locator('.page-content[data-checklists-ready]')).toBeAttached();
    const saves = trackSaves(page);
    await page.getByRole('checkbox', { name: a.text }).click();
    await expect.poll(saves.settled).toBe(true);
    const progress = page.getByTestId('run-progress');
    await expect(progress).toContainText(/^1 of \d+ done/);

    // The run goes away behind the page's back (another window deleted it): the next save is refused.
    const { run } = await server.api.progress.getPage(GUIDE, null);
    await server.api.progress.deleteRun(run!.id);
    const box = page.getByRole('checkbox', { name: b.text });
    await box.click();
    await expect(page.getByRole('alert')).toHaveText(
      `Could not save the change, the item is back to its saved state: There is no checklist run ${run!.id}.`,
    );
    await expect(box).not.toBeChecked();
    await expect(progress).toContainText(/^1 of \d+ done/);
    expect((await server.api.progress.listRuns()).length).toBe(0);
  });
});
