/**
 * Checklist progress bench, Chromium over `dstudio serve` on the real corpus (snap-5):
 *  1. Toggling a checklist item on excellence/migrations/2pc-to-saga: click → the checkbox's
 *     row shows the new state, to its next animation frame (painted before the answer), and
 *     click → the change is saved (setItem answered); the next toggle waits for the save.
 *  2. Opening "My migrations" with 50 runs × 100 items (seeded through the real
 *     ProgressService): click on the side-nav link → the list of runs painted, on a freshly
 *     loaded app (the runs are fetched, not shown from an earlier visit).
 * Goal for both: p95 within one frame (16 ms). Beside them: the browser's own fetch of the
 * call and the same call's bare HTTP round trip from Node, to tell transport from rendering.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { isBuildCurrent } from '../bin/build-state.mjs';
import { openContentDb, openUserDb } from '../src/main/database/connection';
import { ProgressService } from '../src/main/progress/progress-service';
import { ITEM_STATES } from '../src/shared/contract/progress';
import { routeOf } from '../src/shared/routes';
import { CHROMIUM_ARGS, CHROMIUM_PATH, requireChromium } from '../tests/e2e/chromium';
import { startServe } from '../tests/e2e/serve-process';
import { realCorpusAt } from '../tests/helpers/corpus';

const REPO = resolve(import.meta.dirname, '..');
const GUIDE = 'excellence/migrations/2pc-to-saga';
const TOGGLES = 50;
/** The first this many checkboxes of the guide are toggled in turn (done ↔ to do). */
const TOGGLED_ITEMS = 10;
const RUNS = 50;
const ITEMS_PER_RUN = 100;
const OPENS = 20;

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
}

/**
 * Seeds `RUNS` runs of `ITEMS_PER_RUN` items each through the service, on the pages with
 * that many items (the real corpus has few, so runs share them, as several systems
 * migrated along one guide do). States cycle through every state, with a note on some.
 */
async function seedRuns(contentFile: string, userFile: string): Promise<string[]> {
  const content = openContentDb(contentFile, { readonly: true });
  const user = openUserDb(userFile);
  try {
    const pages = content
      .prepare(
        `SELECT c.page_id FROM checklist_items i JOIN checklists c ON c.id = i.checklist_id
         GROUP BY c.page_id HAVING count(*) >= ? ORDER BY c.page_id`,
      )
      .pluck()
      .all(ITEMS_PER_RUN) as string[];
    if (!pages.length) throw new Error(`No page of the corpus has ${ITEMS_PER_RUN} checklist items.`);
    const progress = new ProgressService(user, content);
    for (let r = 0; r < RUNS; r++) {
      const pageId = pages[r % pages.length]!;
      const run = await progress.createRun(pageId, `System ${r + 1}`);
      const keys = (await progress.getPage(pageId, run.id)).checklists.flatMap((l) =>
        l.items.map((i) => i.key),
      );
      for (const [i, itemKey] of keys.slice(0, ITEMS_PER_RUN).entries())
        await progress.setItem({
          pageId,
          runId: run.id,
          itemKey,
          state: ITEM_STATES[(r + i) % ITEM_STATES.length]!,
          note: i % 7 === 0 ? `Checked with the team of system ${r + 1}` : '',
        });
    }
    return pages;
  } finally {
    user.close();
    content.close();
  }
}

/** What one measured interaction took, in ms from the click's own timestamp. */
interface Sample {
  /** → the change is in the DOM. */
  dom: number;
  /** → the frame that paints it (its requestAnimationFrame). */
  painted: number;
  /** → the browser has the call's response (resource timing). */
  answered: number | null;
}

/**
 * In-page probe for a toggle: resolves once the row of `key` shows a new state (painted
 * before the answer: the store paints at once) and setItem has answered, or null.
 * A string, because tsx's name helpers would otherwise be serialised into the page.
 */
const measureToggle = (key: string) => `new Promise((done) => {
  const input = document.querySelector('input[data-item-key="' + ${JSON.stringify(key)} + '"]');
  const row = input.closest('.progress-row');
  const before = row.dataset.state;
  let clickAt = 0;
  let shown = null;
  let answered = null;
  const finish = () => { if (shown && answered !== null) { po.disconnect(); done({ ...shown, answered }); } };
  const po = new PerformanceObserver((list) => {
    const call = list.getEntries().find((e) => e.name.endsWith('/api/progress/setItem') && clickAt && e.startTime >= clickAt);
    if (call) { answered = call.responseEnd - clickAt; finish(); }
  });
  po.observe({ type: 'resource' });
  input.addEventListener('click', (e) => { clickAt = e.timeStamp; }, { once: true, capture: true });
  const mo = new MutationObserver(() => {
    if (!clickAt || row.dataset.state === before) return;
    mo.disconnect();
    const dom = performance.now() - clickAt;
    requestAnimationFrame(() => { shown = { dom, painted: performance.now() - clickAt }; finish(); });
  });
  mo.observe(row, { attributes: true, attributeFilter: ['data-state'] });
  setTimeout(() => { mo.disconnect(); po.disconnect(); done(null); }, 10000);
})`;

/** In-page probe for opening My migrations: resolves once its list holds every run. */
const MEASURE_OPEN = `new Promise((done) => {
  let clickAt = 0;
  document.addEventListener('click', (e) => { clickAt = e.timeStamp; }, { once: true, capture: true });
  const full = () => document.querySelectorAll('[data-testid="runs"] > li').length >= ${RUNS};
  const mo = new MutationObserver(() => {
    if (!clickAt || !full()) return;
    mo.disconnect();
    const dom = performance.now() - clickAt;
    requestAnimationFrame(() => {
      const painted = performance.now() - clickAt;
      const call = performance.getEntriesByType('resource')
        .filter((e) => e.name.endsWith('/api/progress/listRuns') && e.startTime >= clickAt).pop();
      done({ dom, painted, answered: call ? call.responseEnd - clickAt : null });
    });
  });
  mo.observe(document.body, { childList: true, subtree: true });
  setTimeout(() => { mo.disconnect(); done(null); }, 10000);
})`;

async function measured(page: Page, probe: string, act: () => Promise<void>): Promise<Sample> {
  const sample = page.evaluate<Sample | null>(probe);
  await act();
  const s = await sample;
  if (s === null) throw new Error('The interaction did not change the page within 10 s.');
  return s;
}

const row = (name: string, xs: number[]) => ({
  case: name,
  p50: percentile(xs, 50).toFixed(1),
  p95: percentile(xs, 95).toFixed(1),
  'p95 vs 16 ms goal': `${(percentile(xs, 95) / 16).toFixed(2)}×`,
});

export default async function progressBench(): Promise<void> {
  if (!CHROMIUM_PATH) {
    console.log('progress bench: skipped — no Chromium (see tests/helpers/find-chromium.mjs).');
    return;
  }
  if (!isBuildCurrent(REPO)) execFileSync('npx', ['electron-vite', 'build'], { cwd: REPO, stdio: 'inherit' });
  const dir = mkdtempSync(join(tmpdir(), 'dstudio-progress-bench-'));
  try {
    const contentDb = join(dir, 'content.db');
    const userDb = join(dir, 'user.db');
    execFileSync(
      process.execPath,
      [join(REPO, 'bin/dstudio.mjs'), 'import', '--corpus', realCorpusAt('snap-5'), '--db', contentDb],
      { cwd: REPO, stdio: 'pipe' },
    );
    const seedStart = performance.now();
    const pages = await seedRuns(contentDb, userDb);
    const seedMs = performance.now() - seedStart;

    const server = await startServe(contentDb, userDb);
    const browser = await chromium.launch({ executablePath: requireChromium(), args: CHROMIUM_ARGS });
    const toggles: Sample[] = [];
    const opens: Sample[] = [];
    const listRtt: number[] = [];
    let listBytes = 0;
    try {
      const page = await browser.newPage();
      await page.goto(`${server.url}${routeOf(GUIDE)}`);
      await page.locator('.page-content[data-checklists-ready]').waitFor({ state: 'attached' });
      await page.evaluate(() => performance.setResourceTimingBufferSize(10_000));
      const keys = await page
        .locator('input[data-item-key]')
        .evaluateAll((els) => els.map((e) => (e as HTMLInputElement).dataset.itemKey!));
      if (keys.length < TOGGLED_ITEMS) throw new Error(`${GUIDE} has only ${keys.length} checkboxes.`);
      for (let i = 0; i < TOGGLES; i++) {
        const key = keys[i % TOGGLED_ITEMS]!;
        const box = page.locator(`input[data-item-key="${key}"]`);
        await box.scrollIntoViewIfNeeded();
        toggles.push(await measured(page, measureToggle(key), () => box.click()));
      }

      for (let i = 0; i < OPENS; i++) {
        // A fresh app each time: the store has no runs yet, so they are fetched and rendered.
        await page.goto(`${server.url}#/`);
        await page.reload();
        const link = page.getByRole('link', { name: 'My migrations' });
        await link.waitFor();
        opens.push(await measured(page, MEASURE_OPEN, () => link.click()));
      }

      for (let i = 0; i < OPENS; i++) {
        const t0 = performance.now();
        const runs = await server.api.progress.listRuns();
        listRtt.push(performance.now() - t0);
        listBytes = JSON.stringify(runs).length;
      }
    } finally {
      await browser.close();
      await server.stop();
    }

    const answered = (xs: Sample[]) => xs.flatMap((s) => (s.answered === null ? [] : [s.answered]));
    console.log(
      `Toggling a checklist item on ${GUIDE} (${TOGGLES} toggles over its first ${TOGGLED_ITEMS} items):`,
    );
    console.table([
      row(
        'click → painted',
        toggles.map((s) => s.painted),
      ),
      row(
        '  click → row shows the new state (DOM)',
        toggles.map((s) => s.dom),
      ),
      row('click → saved (setItem answered, browser)', answered(toggles)),
    ]);
    console.log(
      `Opening My migrations, ${RUNS} runs × ${ITEMS_PER_RUN} items on ${pages.length} pages with that many items (${OPENS} opens, each on a freshly loaded app; seeding took ${(seedMs / 1000).toFixed(1)} s):`,
    );
    console.table([
      row(
        'click → every run painted',
        opens.map((s) => s.painted),
      ),
      row(
        '  click → every run in the DOM',
        opens.map((s) => s.dom),
      ),
      row('  click → listRuns answered (browser)', answered(opens)),
      row('listRuns HTTP round trip (Node)', listRtt),
    ]);
    console.log(`(listRuns answer: ${(listBytes / 1024).toFixed(0)} KiB of JSON)`);
    const builtRan = isBuildCurrent(REPO, ['out/main/cli.js']);
    console.log(
      `(dstudio serve ran ${builtRan ? 'the built CLI, out/main/cli.js' : 'the TypeScript sources through tsx: src/ changed during the run'})`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
