/**
 * UI bench, on the real corpus:
 *  1. Cold start: `dstudio serve` + a fresh Chromium to the first page's content painted,
 *     against the same Chromium opening a static HTML file of that page (goal ≤ 1.5×).
 *  2. Quick switcher: keystroke → results painted, p50/p95 (goal p95 ≤ 16 ms), beside the
 *     keystroke → results in the DOM (before the frame that paints them), the browser's own
 *     fetch of the call if it made one (it matches locally once its data is in), and the bare
 *     HTTP round trip of the same quickSwitch calls from Node (the path before the data is in).
 * The build in out/ is refreshed first when it is older than the sources, so `dstudio serve`
 * runs the built CLI as an installed copy would (bin/dstudio.mjs falls back to the sources
 * when they are newer, and the table says which one ran).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { realCorpusAt } from '../tests/helpers/corpus';
import { CHROMIUM_ARGS, CHROMIUM_PATH, requireChromium } from '../tests/e2e/chromium';
import { startServe } from '../tests/e2e/serve-process';
import { routeOf } from '../src/shared/routes';
import { isBuildCurrent } from '../bin/build-state.mjs';

const REPO = resolve(import.meta.dirname, '..');
const PAGE_ID = 'pattern-library/resilience/circuit-breaker';
/** Cold starts of each side, alternating; a busy 2-core machine moves single runs by ±20%. */
const RUNS = 9;
/** The switcher's queries are typed this many times: ~40 changed lists a round make a jumpy p95 on their own. */
const SWITCHER_ROUNDS = 3;
const QUERIES = [
  'circuit breaker',
  'saga',
  'consensus',
  'leader election',
  'bulkhead',
  'rate limit',
  'sharding',
  'event sourcing',
];

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
}

async function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: requireChromium(), args: CHROMIUM_ARGS });
}

/** Resolves after the next two frames, i.e. once what is in the DOM has been painted. */
async function painted(page: Page): Promise<void> {
  await page.evaluate(
    () => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done()))),
  );
}

/** Page clock when called: ms since the page's navigation started (no browser start-up in it). */
async function pageClock(page: Page): Promise<number> {
  return page.evaluate(() => performance.now());
}

/** The browser's own first contentful paint, on the page clock (the shell's or the page's, whichever came first). */
async function firstContentfulPaint(page: Page): Promise<number> {
  return page.evaluate(
    () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN,
  );
}

async function coldApp(
  contentDb: string,
  userDb: string,
): Promise<{ total: number; serve: number; inPage: number; fcp: number }> {
  const t0 = performance.now();
  const server = await startServe(contentDb, userDb);
  const serve = performance.now() - t0;
  const browser = await launch();
  try {
    const page = await browser.newPage();
    await page.goto(`${server.url}${routeOf(PAGE_ID)}`);
    await page.waitForSelector('[data-testid="page-content"] h2');
    await painted(page);
    const total = performance.now() - t0;
    return { total, serve, inPage: await pageClock(page), fcp: await firstContentfulPaint(page) };
  } finally {
    await browser.close();
    await server.stop();
  }
}

async function coldStatic(file: string): Promise<{ total: number; inPage: number; fcp: number }> {
  const t0 = performance.now();
  const browser = await launch();
  try {
    const page = await browser.newPage();
    await page.goto(`file://${file}`);
    await page.waitForSelector('h2');
    await painted(page);
    const total = performance.now() - t0;
    return { total, inPage: await pageClock(page), fcp: await firstContentfulPaint(page) };
  } finally {
    await browser.close();
  }
}

interface KeySample {
  /** Keystroke → the list changed in the DOM. */
  dom: number;
  /** Keystroke → the frame that paints the change (its requestAnimationFrame). */
  painted: number;
  /** Keystroke → the browser has the quickSwitch response (resource timing), when it asked. */
  fetched: number | null;
}

/**
 * In-page probe: resolves with ms from the next keydown's own timestamp to the result list
 * changing and to the frame after that (null when it did not change). A string, because
 * tsx's name helpers would otherwise be serialised into the page.
 */
const MEASURE_KEYSTROKE = `new Promise((done) => {
  const list = document.getElementById('switcher-list');
  const input = document.querySelector('[data-testid="switcher-input"]');
  let keyAt = 0;
  input.addEventListener('keydown', (e) => { keyAt = e.timeStamp; }, { once: true });
  const fetches = () => performance.getEntriesByType('resource').filter((e) => e.name.endsWith('/api/search/quickSwitch'));
  const before = fetches().length;
  const mo = new MutationObserver(() => {
    if (!keyAt) return; // a late answer to an earlier keystroke
    mo.disconnect();
    const dom = performance.now() - keyAt;
    requestAnimationFrame(() => {
      const painted = performance.now() - keyAt;
      const mine = fetches().slice(before).find((e) => e.startTime >= keyAt);
      done({ dom, painted, fetched: mine ? mine.responseEnd - keyAt : null });
    });
  });
  mo.observe(list, { childList: true, subtree: true, characterData: true, attributes: true });
  setTimeout(() => { mo.disconnect(); done(null); }, 1000);
})`;

/**
 * Keystroke → listbox updated and painted, measured inside the page from the key event's own
 * timestamp, once the switcher matches locally (its data loads at idle time after start-up;
 * until then keystrokes are HTTP round trips, which this does not measure).
 */
async function switcherLatencies(page: Page): Promise<KeySample[]> {
  await page.evaluate(() => performance.setResourceTimingBufferSize(10_000));
  const samples: KeySample[] = [];
  for (const query of Array.from({ length: SWITCHER_ROUNDS }, () => QUERIES).flat()) {
    await page.keyboard.press('Control+k');
    const input = page.getByTestId('switcher-input');
    await input.waitFor();
    await page.locator('dialog[data-matching="local"]').waitFor();
    for (const ch of query) {
      const sample = page.evaluate<KeySample | null>(MEASURE_KEYSTROKE);
      await page.keyboard.type(ch);
      const s = await sample;
      if (s !== null) samples.push(s);
    }
    await page.keyboard.press('Escape');
  }
  return samples;
}

export default async function uiBench(): Promise<void> {
  if (!CHROMIUM_PATH) {
    console.log('ui bench: skipped — no Chromium (see tests/helpers/find-chromium.mjs).');
    return;
  }
  if (!isBuildCurrent(REPO)) execFileSync('npx', ['electron-vite', 'build'], { cwd: REPO, stdio: 'inherit' });
  const dir = mkdtempSync(join(tmpdir(), 'dstudio-ui-bench-'));
  try {
    const contentDb = join(dir, 'content.db');
    execFileSync(
      process.execPath,
      [join(REPO, 'bin/dstudio.mjs'), 'import', '--corpus', realCorpusAt('snap-5'), '--db', contentDb],
      {
        cwd: REPO,
        stdio: 'pipe',
      },
    );

    // The static reference: the same page's HTML as a plain file, no app, no server.
    const server = await startServe(contentDb, join(dir, 'user.db'));
    const [page] = await server.api.content.getPages([PAGE_ID]);
    const staticFile = join(dir, 'static.html');
    writeFileSync(
      staticFile,
      `<!doctype html><meta charset="utf-8"><title>${page!.title}</title><body>${page!.html}</body>`,
    );

    // Bare transport cost of the switcher's calls, for the side-by-side table.
    const rtt: number[] = [];
    for (const q of QUERIES) {
      for (let i = 1; i <= q.length; i++) {
        const t0 = performance.now();
        await server.api.search.quickSwitch(q.slice(0, i), 12);
        rtt.push(performance.now() - t0);
      }
    }

    // What the renderer loads once for local matching (over loopback HTTP, uncompressed).
    const dataStart = performance.now();
    const dataBytes = JSON.stringify(await server.api.search.quickSwitchData()).length;
    const dataMs = performance.now() - dataStart;

    const browser = await launch();
    let keys: KeySample[];
    try {
      const p = await browser.newPage();
      await p.goto(`${server.url}#/`);
      await p.waitForSelector('.app-shell');
      keys = await switcherLatencies(p);
    } finally {
      await browser.close();
      await server.stop();
    }

    const app: number[] = [];
    const serveReady: number[] = [];
    // The same runs on the page's own clock (navigation start → content painted): without
    // the browser's start-up, which varies most on a busy machine.
    const appInPage: number[] = [];
    const statInPage: number[] = [];
    const appFcp: number[] = [];
    const statFcp: number[] = [];
    const stat: number[] = [];
    await coldStatic(staticFile); // warm the OS file cache for Chromium itself, not measured
    for (let i = 0; i < RUNS; i++) {
      const run = await coldApp(contentDb, join(dir, `user-${i}.db`));
      app.push(run.total);
      serveReady.push(run.serve);
      appInPage.push(run.inPage);
      appFcp.push(run.fcp);
      const ref = await coldStatic(staticFile);
      stat.push(ref.total);
      statInPage.push(ref.inPage);
      statFcp.push(ref.fcp);
    }

    const appMs = median(app);
    const staticMs = median(stat);
    const serveMs = median(serveReady);
    console.log(`Cold start to first page content painted (median of ${RUNS}):`);
    console.table([
      {
        case: 'dstudio serve + Chromium → page painted',
        ms: Math.round(appMs),
        'vs static': `${(appMs / staticMs).toFixed(2)}×`,
        goal: '≤ 1.50×',
      },
      {
        case: '  of which: serve started (URL printed)',
        ms: Math.round(serveMs),
        'vs static': `${(serveMs / staticMs).toFixed(2)}×`,
        goal: '',
      },
      {
        case: '  of which: Chromium → app page painted',
        ms: Math.round(appMs - serveMs),
        'vs static': `${((appMs - serveMs) / staticMs).toFixed(2)}×`,
        goal: '',
      },
      {
        case: 'Chromium → static HTML file painted',
        ms: Math.round(staticMs),
        'vs static': '1.00×',
        goal: '',
      },
      {
        case: 'in page: navigation → app page painted',
        ms: Math.round(median(appInPage)),
        'vs static': `${(median(appInPage) / median(statInPage)).toFixed(2)}×`,
        goal: '',
      },
      {
        case: 'in page: navigation → static file painted',
        ms: Math.round(median(statInPage)),
        'vs static': '1.00×',
        goal: '',
      },
      {
        case: 'in page: first contentful paint, app',
        ms: Math.round(median(appFcp)),
        'vs static': `${(median(appFcp) / median(statFcp)).toFixed(2)}×`,
        goal: '',
      },
      {
        case: 'in page: first contentful paint, static file',
        ms: Math.round(median(statFcp)),
        'vs static': '1.00×',
        goal: '',
      },
    ]);
    const builtRan = isBuildCurrent(REPO, ['out/main/cli.js']);
    console.log(
      `(dstudio serve ran ${builtRan ? 'the built CLI, out/main/cli.js' : 'the TypeScript sources through tsx: src/ changed during the run'})`,
    );
    const row = (name: string, xs: number[]) => ({
      case: name,
      p50: median(xs).toFixed(1),
      p95: percentile(xs, 95).toFixed(1),
      'p95 vs 16 ms goal': `${(percentile(xs, 95) / 16).toFixed(2)}×`,
    });
    const fetched = keys.flatMap((k) => (k.fetched === null ? [] : [k.fetched]));
    console.log(
      `Quick switcher, ${keys.length} keystrokes that changed the list, ${QUERIES.length} queries typed ${SWITCHER_ROUNDS}×, after its data has loaded (matching in the page):`,
    );
    console.table([
      row(
        'keystroke → results painted (in page)',
        keys.map((k) => k.painted),
      ),
      row(
        '  keystroke → results in the DOM',
        keys.map((k) => k.dom),
      ),
      ...(fetched.length
        ? [row(`  keystroke → response in the browser (${fetched.length} fetches)`, fetched)]
        : []),
      row('quickSwitch HTTP round trip (Node)', rtt),
    ]);
    console.log(
      `(switcher data, loaded once at idle time: ${(dataBytes / 1024).toFixed(0)} KiB of JSON, ${dataMs.toFixed(0)} ms over HTTP from Node, first call)`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
