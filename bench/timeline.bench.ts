/**
 * Timeline bench, on the real corpus (every timeline fact of snap-5), in Chromium against
 * `dstudio serve`:
 *  1. Route change → timeline painted (every bar in the DOM, then the frame that paints it):
 *     first visits in fresh pages (lazy view chunk + getTimeline over HTTP) and later visits (p50/p95).
 *     Goal: ≤ 100 ms.
 *  2. Zoom and pan steps from the keyboard: keydown → bars moved → painted, p50/p95.
 *     Goal: within one frame (16 ms).
 * Beside them, in the same run: the bare getTimeline HTTP round trip from Node, and each
 * figure as a ratio of its goal.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { realCorpusAt } from '../tests/helpers/corpus';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../tests/e2e/chromium';
import { startServe } from '../tests/e2e/serve-process';
import { isBuildCurrent } from '../bin/build-state.mjs';

const REPO = resolve(import.meta.dirname, '..');
const VISITS = 15;
const FIRST_VISITS = 7;
const STEPS = 40;
const PAINT_GOAL_MS = 100;
const FRAME_MS = 16;

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
}

/**
 * In-page probe: ms from the hash change to every bar being in the DOM and to the frame after.
 * A string, because tsx's name helpers would otherwise be serialised into the page.
 */
const MEASURE_ROUTE = (count: number) => `new Promise((done) => {
  const t0 = performance.now();
  const check = () => {
    const n = document.querySelectorAll('[data-testid="timeline-marks"] .timeline-mark').length;
    if (n >= ${count}) {
      const dom = performance.now() - t0;
      requestAnimationFrame(() => done({ dom, painted: performance.now() - t0 }));
    } else requestAnimationFrame(check);
  };
  const mo = new MutationObserver(() => {
    if (document.querySelectorAll('[data-testid="timeline-marks"] .timeline-mark').length >= ${count}) { mo.disconnect(); check(); }
  });
  mo.observe(document.body, { childList: true, subtree: true });
  location.hash = '#/timeline';
  check();
})`;

/**
 * In-page probe, installed before the key is pressed (awaited, so it cannot miss the key):
 * the next keydown → the bars changed → the frame that paints them.
 */
const MEASURE_STEP = `window.__step = new Promise((done) => {
  const marks = document.querySelector('[data-testid="timeline-marks"]');
  let keyAt = 0;
  document.addEventListener('keydown', (e) => { keyAt = e.timeStamp; }, { once: true, capture: true });
  const mo = new MutationObserver(() => {
    if (!keyAt) return;
    mo.disconnect();
    const dom = performance.now() - keyAt;
    requestAnimationFrame(() => done({ dom, painted: performance.now() - keyAt }));
  });
  mo.observe(marks, { childList: true, subtree: true, attributes: true });
  setTimeout(() => { mo.disconnect(); done(null); }, 1000);
}), true`;

interface Sample {
  dom: number;
  painted: number;
}

async function steps(page: Page, keys: string[]): Promise<Sample[]> {
  const out: Sample[] = [];
  for (const key of keys) {
    await page.evaluate(MEASURE_STEP);
    await page.keyboard.press(key);
    const s = await page.evaluate<Sample | null>('window.__step');
    if (s) out.push(s);
    else
      throw new Error(
        `the chart did not change after ${key} (focus: ${await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 80))})`,
      );
  }
  return out;
}

export default async function timelineBench(): Promise<void> {
  if (!CHROMIUM_PATH || !existsSync(CHROMIUM_PATH)) {
    console.log(`timeline bench: skipped — Chromium not found at ${CHROMIUM_PATH}.`);
    return;
  }
  if (!isBuildCurrent(REPO)) execFileSync('npx', ['electron-vite', 'build'], { cwd: REPO, stdio: 'inherit' });
  const dir = mkdtempSync(join(tmpdir(), 'dstudio-timeline-bench-'));
  const contentDb = join(dir, 'content.db');
  execFileSync(
    process.execPath,
    [join(REPO, 'bin/dstudio.mjs'), 'import', '--corpus', realCorpusAt('snap-5'), '--db', contentDb],
    { cwd: REPO, stdio: 'pipe' },
  );
  const server = await startServe(contentDb, join(dir, 'user.db'));
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    const rtt: number[] = [];
    let facts = 0;
    for (let i = 0; i < VISITS; i++) {
      const t0 = performance.now();
      facts = (await server.api.evolution.getTimeline()).length;
      rtt.push(performance.now() - t0);
    }

    // First visits, each in a fresh page (view script and facts not yet loaded).
    const firsts: Sample[] = [];
    for (let i = 0; i < FIRST_VISITS; i++) {
      const fresh = await browser.newPage({ viewport: { width: 1360, height: 860 } });
      await fresh.goto(`${server.url}#/`);
      await fresh.locator('.app-shell').waitFor();
      firsts.push(await fresh.evaluate<Sample>(MEASURE_ROUTE(facts)));
      await fresh.close();
    }
    const page = await browser.newPage({ viewport: { width: 1360, height: 860 } });
    await page.goto(`${server.url}#/`);
    await page.locator('.app-shell').waitFor();
    await page.evaluate<Sample>(MEASURE_ROUTE(facts));
    const later: Sample[] = [];
    for (let i = 0; i < VISITS; i++) {
      await page.evaluate(() => (location.hash = '#/'));
      await page.waitForFunction(() => !document.querySelector('[data-testid="timeline-svg"]'));
      later.push(await page.evaluate<Sample>(MEASURE_ROUTE(facts)));
    }

    await page.getByTestId('timeline-svg').focus();
    const zoom = await steps(
      page,
      Array.from({ length: STEPS }, (_, i) => (i % 10 < 5 ? '+' : '-')),
    );
    await page.keyboard.press('+');
    await page.keyboard.press('+');
    const pan = await steps(
      page,
      Array.from({ length: STEPS }, (_, i) => (i % 10 < 5 ? 'ArrowRight' : 'ArrowLeft')),
    );

    const row = (name: string, p50: number, p95: number, goal: number | null) =>
      console.log(
        `${name.padEnd(46)} ${p50.toFixed(1).padStart(8)} ${p95.toFixed(1).padStart(8)}   ${
          goal ? `${(p95 / goal).toFixed(2)}× of ${goal} ms` : ''
        }`,
      );
    console.log(
      `${facts} facts on the chart; ${FIRST_VISITS} first visits (fresh pages), ${VISITS} later visits, ${STEPS} zoom and ${STEPS} pan steps`,
    );
    console.log(`${'measure (ms)'.padEnd(46)} ${'p50'.padStart(8)} ${'p95'.padStart(8)}   p95 vs goal`);
    row('getTimeline HTTP round trip (Node)', percentile(rtt, 50), percentile(rtt, 95), null);
    row(
      'first visit: route → painted',
      percentile(
        firsts.map((s) => s.painted),
        50,
      ),
      percentile(
        firsts.map((s) => s.painted),
        95,
      ),
      PAINT_GOAL_MS,
    );
    row(
      'later visits: route → bars in DOM',
      percentile(
        later.map((s) => s.dom),
        50,
      ),
      percentile(
        later.map((s) => s.dom),
        95,
      ),
      null,
    );
    row(
      'later visits: route → painted',
      percentile(
        later.map((s) => s.painted),
        50,
      ),
      percentile(
        later.map((s) => s.painted),
        95,
      ),
      PAINT_GOAL_MS,
    );
    row(
      'zoom step: key → bars moved',
      percentile(
        zoom.map((s) => s.dom),
        50,
      ),
      percentile(
        zoom.map((s) => s.dom),
        95,
      ),
      FRAME_MS,
    );
    row(
      'zoom step: key → painted',
      percentile(
        zoom.map((s) => s.painted),
        50,
      ),
      percentile(
        zoom.map((s) => s.painted),
        95,
      ),
      null,
    );
    row(
      'pan step: key → bars moved',
      percentile(
        pan.map((s) => s.dom),
        50,
      ),
      percentile(
        pan.map((s) => s.dom),
        95,
      ),
      FRAME_MS,
    );
    row(
      'pan step: key → painted',
      percentile(
        pan.map((s) => s.painted),
        50,
      ),
      percentile(
        pan.map((s) => s.painted),
        95,
      ),
      null,
    );
  } finally {
    await browser.close();
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
