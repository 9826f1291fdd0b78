/// <reference types="node" />
/**
 * Rich pages of the project's starter content, through the real pipeline (import into a
 * content.db, read with ContentService, sanitise + mount with the renderer's content module
 * and page-html.css in Chromium), in light and dark. Each page is saved as a PNG under
 * screenshots/ for a person to look at and compared with its reviewed baseline in
 * screenshots/baseline/ (pixel diff with a tolerance), and the test checks what a person would check: the
 * diagram is drawn, the broken diagram explains itself, tabs switch, math is typeset, cards
 * sit side by side, and text is readable (WCAG AA contrast) in both themes.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ContentService } from '../../../src/main/content/content-service';
import { importCorpus } from '../../../src/main/corpus/import-service';
import { openContentDb } from '../../../src/main/database/connection';
import type { Page } from '../../../src/shared/domain';
import { openContentBrowser, type ContentBrowser } from './chromium-harness';

const REPO = resolve(import.meta.dirname, '../../..');
const SHOTS = resolve(import.meta.dirname, 'screenshots');
const GALLERY_ID = 'reference/render-gallery';
/** A second gallery: one small input per fixed reading-fidelity defect (the first is tall enough). */
const FIXES_ID = 'reference/render-gallery-fixes';
const THEMES = ['light', 'dark'] as const;
type Theme = (typeof THEMES)[number];

/** A stand-in for the app shell around the content: page background, font and reading width. */
const SHELL_CSS = `
  html, body { margin: 0; background: var(--content-bg); font-family: system-ui, 'DejaVu Sans', sans-serif; }
  #root { max-width: 52rem; margin: 0 auto; padding: 1.5rem 2rem 3rem; }
`;

let browser: ContentBrowser;
let pages: Map<string, Page>;
let tmp: string;

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'dstudio-shots-'));
  cpSync(join(REPO, 'content'), join(tmp, 'content'), { recursive: true });
  for (const id of [GALLERY_ID, FIXES_ID])
    cpSync(resolve(import.meta.dirname, `${id.split('/')[1]}.md`), join(tmp, 'content/docs', `${id}.md`));
  const db = openContentDb(join(tmp, 'content.db'));
  await importCorpus(db, join(tmp, 'content'));
  const ids = [
    'pattern-library/resilience/circuit-breaker',
    'pattern-library/coordination/leader-election',
    'pattern-library/coordination/hybrid-logical-clocks',
    'migration/two-phase-commit-to-saga',
    'index',
    GALLERY_ID,
    FIXES_ID,
  ];
  pages = new Map((await new ContentService(db).getPages(ids)).map((p) => [p.id, p]));
  db.close();
  expect([...pages.keys()].sort()).toEqual([...ids].sort());
  mkdirSync(SHOTS, { recursive: true });
  browser = await openContentBrowser({ css: true });
  await browser.page.addStyleTag({ content: SHELL_CSS });
});

afterAll(async () => {
  await browser?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

/** Mounts a page in the given theme and scrolls through it, so every lazy part (diagrams, highlighting) is done. */
async function show(id: string, theme: Theme): Promise<void> {
  const { page } = browser;
  // The pointer parks in the page margin, so no hover state (or its transition) colours what is measured.
  await page.mouse.move(1, 1);
  await page.evaluate(
    `document.documentElement.dataset.theme = ${JSON.stringify(theme)}; window.scrollTo(0, 0)`,
  );
  await page.evaluate(`window.__probe.mountOnly(${JSON.stringify(pages.get(id)!.html)})`);
  // Step down the page as a reader would: diagrams and code highlight as they come near the viewport.
  for (let y = 0; y < (await page.evaluate(() => document.documentElement.scrollHeight)); y += 450) {
    await page.evaluate((to) => window.scrollTo(0, to), y);
    await page.waitForFunction(
      () =>
        Array.from(document.querySelectorAll<HTMLElement>('.mermaid-diagram')).every((d) => {
          const r = d.getBoundingClientRect();
          return (
            r.top > innerHeight + 300 ||
            r.bottom < -300 ||
            d.dataset.state === 'done' ||
            d.dataset.state === 'error'
          );
        }),
      undefined,
      { timeout: 60_000 },
    );
  }
  await page.waitForFunction(() =>
    Array.from(document.querySelectorAll<HTMLElement>('pre.code-block > code[class*="language-"]')).every(
      (c) =>
        c.offsetParent === null ||
        c.classList.contains('hljs') ||
        !/language-(python|go|yaml|bash|sql|json|scala|hcl|dockerfile)\b/.test(c.className),
    ),
  );
  expect(
    await page.locator('.mermaid-diagram:not([data-state="done"]):not([data-state="error"])').count(),
  ).toBe(0);
  await page.evaluate('document.fonts.ready');
  await page.evaluate('window.scrollTo(0, 0)');
}

/** A region around an element (for close-up screenshots). */
async function clipAround(target: Locator): Promise<{ x: number; y: number; width: number; height: number }> {
  const box = (await target.boundingBox())!;
  return { x: Math.max(0, box.x - 200), y: Math.max(0, box.y - 80), width: 700, height: 220 };
}

/** Reviewed screenshots the new ones are compared with (tracked; the new ones under SHOTS are not). */
const BASELINES = join(SHOTS, 'baseline');
/** Set to write the current screenshots as the new baselines (then look at them before committing). */
const UPDATE = process.env.DSTUDIO_UPDATE_SCREENSHOTS === '1';
/** A pixel counts as changed when a channel moves by more than this (anti-aliasing stays below). */
const CHANNEL_TOLERANCE = 48;
/** Share of changed pixels a screenshot may have: text re-flowing or a box moving goes far above. */
const MAX_CHANGED_SHARE = 0.005;

/**
 * Compares two PNGs pixel by pixel in Chromium (its decoder, no image package): the share of
 * pixels that changed beyond CHANNEL_TOLERANCE, or a message when the sizes differ.
 */
async function changedShare(a: Buffer, b: Buffer): Promise<number | string> {
  // A page of its own (a fresh context: the content page's default context cannot open one).
  const page = await browser.page.context().browser()!.newPage();
  try {
    return await page.evaluate(
      async ([a64, b64, tolerance]) => {
        const pixels = async (b64: string) => {
          const bitmap = await createImageBitmap(await (await fetch(`data:image/png;base64,${b64}`)).blob());
          const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
          const ctx = canvas.getContext('2d')!;
          ctx.drawImage(bitmap, 0, 0);
          return ctx.getImageData(0, 0, bitmap.width, bitmap.height);
        };
        const [x, y] = [await pixels(a64), await pixels(b64)];
        if (x.width !== y.width || x.height !== y.height)
          return `size ${x.width}×${x.height} instead of ${y.width}×${y.height}`;
        let changed = 0;
        for (let i = 0; i < x.data.length; i += 4)
          for (let c = 0; c < 4; c++)
            if (Math.abs(x.data[i + c]! - y.data[i + c]!) > tolerance) {
              changed++;
              break;
            }
        return changed / (x.width * x.height);
      },
      [a.toString('base64'), b.toString('base64'), CHANNEL_TOLERANCE] as const,
    );
  } finally {
    await page.close();
  }
}

/**
 * Saves a full-page screenshot for a person to look at, and compares it with its reviewed
 * baseline: a broken layout (a box moved, text re-flowed, a colour lost) fails.
 */
async function shoot(name: string, theme: Theme): Promise<void> {
  const file = `${name}-${theme}.png`;
  const shot = await browser.page.screenshot({ path: join(SHOTS, file), fullPage: true });
  const baseline = join(BASELINES, file);
  if (UPDATE) {
    mkdirSync(BASELINES, { recursive: true });
    writeFileSync(baseline, shot);
    return;
  }
  if (!existsSync(baseline))
    throw new Error(`No baseline ${baseline}: run with DSTUDIO_UPDATE_SCREENSHOTS=1, look at it, commit it`);
  const share = await changedShare(shot, readFileSync(baseline));
  if (typeof share === 'string') throw new Error(`${file}: ${share} (see ${join(SHOTS, file)})`);
  expect(share, `${file}: share of changed pixels against its baseline`).toBeLessThanOrEqual(
    MAX_CHANGED_SHARE,
  );
}

interface ContrastRow {
  what: string;
  text: string;
  ratio: number;
  fg: string;
  bg: string;
}

/**
 * WCAG contrast of each matching element's text colour against the background it is painted
 * on (its own and its ancestors' background colours, composited), computed in the page from
 * getComputedStyle. Colours are read through a canvas so every CSS colour syntax
 * (color-mix(), color(srgb …)) reduces to sRGB bytes.
 */
function contrastOf(selectors: Record<string, string>): ContrastRow[] {
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = 1;
  const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
  const rgba = (css: string): [number, number, number, number] => {
    ctx.clearRect(0, 0, 1, 1);
    ctx.fillStyle = css;
    ctx.fillRect(0, 0, 1, 1);
    const [r, g, b, a] = ctx.getImageData(0, 0, 1, 1).data;
    return [r!, g!, b!, a! / 255];
  };
  const over = (top: number[], under: number[]) =>
    [0, 1, 2].map((i) => top[i]! * top[3]! + under[i]! * (1 - top[3]!)).concat(1);
  const luminance = (c: number[]) => {
    const [r, g, b] = c.slice(0, 3).map((v) => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  };
  const rows: ContrastRow[] = [];
  for (const [what, selector] of Object.entries(selectors)) {
    for (const el of Array.from(document.querySelectorAll<HTMLElement>(selector))) {
      if (!el.offsetParent && el.tagName !== 'BODY') continue;
      const chain: HTMLElement[] = [];
      for (let e: HTMLElement | null = el; e; e = e.parentElement) chain.unshift(e);
      let bg = [255, 255, 255, 1];
      for (const e of chain) bg = over(rgba(getComputedStyle(e).backgroundColor), bg);
      const fg = over(rgba(getComputedStyle(el).color), bg);
      const [hi, lo] = [luminance(fg), luminance(bg)].sort((a, b) => b - a);
      rows.push({
        what,
        text: (el.textContent ?? '').trim().slice(0, 40),
        ratio: (hi! + 0.05) / (lo! + 0.05),
        fg: fg.map(Math.round).join(','),
        bg: bg.map(Math.round).join(','),
      });
    }
  }
  return rows;
}

/** Text that must stay readable, by kind. */
const READABLE = {
  'body text': '.page-content > p',
  'list text': '.page-content > ul > li',
  'table cell': '.page-content td, .page-content th',
  heading: '.page-content h1, .page-content h2, .page-content h3',
  link: '.page-content a[href]:not(.md-button--primary)',
  'broken link': '.page-content a.broken-link',
  'primary button': '.page-content a.md-button--primary',
  'inline code': '.page-content :not(pre) > code',
  'code block': '.page-content pre.code-block > code',
  'highlighted token': '.page-content pre.code-block span[class^="hljs-"]',
  'admonition title': '.page-content .admonition-title',
  'admonition body': '.page-content .admonition > p:not(.admonition-title)',
  tab: '.page-content .tabbed-labels > [role="tab"]',
  kbd: '.page-content kbd',
  'definition term': '.page-content dt',
  'definition text': '.page-content dd',
  footnote: '.page-content .footnotes li',
  'diagram error': '.page-content .mermaid-error p',
  'diagram error source': '.page-content .mermaid-error pre',
};

async function readable(): Promise<ContrastRow[]> {
  return browser.page.evaluate(contrastOf, READABLE);
}

describe('rich starter pages in Chromium, light and dark (screenshots in tests/renderer/page-html/screenshots/)', () => {
  for (const theme of THEMES) {
    describe(`${theme} theme`, () => {
      it('circuit breaker: a drawn state diagram, switchable code tabs, highlighted code with a copy button, admonitions', async () => {
        const { page } = browser;
        await show('pattern-library/resilience/circuit-breaker', theme);
        const svg = page.locator('.mermaid-diagram[data-state="done"] svg');
        expect(await svg.count()).toBe(1);
        expect((await svg.boundingBox())!.height).toBeGreaterThan(150);
        expect(await svg.locator('text, tspan').allTextContents()).toEqual(
          expect.arrayContaining([expect.stringMatching(/Closed/)]),
        );
        expect(await page.locator('.mermaid-diagram').getAttribute('data-theme')).toBe(theme);
        // Themed with the page: dark nodes on the dark page, light ones on the light page.
        const nodeFill = await svg
          .locator('g.node rect, g.node path')
          .first()
          .evaluate((r) => getComputedStyle(r).fill);
        const [r, g, bl] = nodeFill.match(/[\d.]+/g)!.map(Number);
        const nodeLum = (0.2126 * r! + 0.7152 * g! + 0.0722 * bl!) / 255;
        expect(theme === 'dark' ? nodeLum < 0.3 : nodeLum > 0.7).toBe(true);

        const title = page.locator('.admonition.warning > .admonition-title');
        await expect.poll(() => title.isVisible()).toBe(true);
        expect(await title.innerText()).toBe('One breaker per dependency, not per host pool');
        expect((await title.locator('svg.admonition-icon').boundingBox())!.width).toBeGreaterThan(12);

        const question = page.locator('details.admonition.question');
        expect(await question.getAttribute('open')).toBeNull();
        expect(await question.locator('> p').first().isVisible()).toBe(false);

        expect(await page.locator('pre.code-block code.hljs .hljs-keyword').count()).toBeGreaterThan(5);
        expect(await page.locator('pre.code-block > button.code-copy').count()).toBe(
          await page.locator('pre.code-block').count(),
        );
        expect(await page.locator('dl > dt').allInnerTexts()).toEqual(['Closed', 'Open', 'Half-open']);
        await shoot('circuit-breaker', theme);

        const tabs = page.locator('.tabbed-set').first().getByRole('tab');
        expect(await tabs.allInnerTexts()).toEqual(['Python', 'Go']);
        await tabs.nth(1).click();
        const panel = page.locator('.tabbed-set').first().getByRole('tabpanel');
        expect(await panel.innerText()).toContain('package breaker');
        expect(await tabs.nth(1).getAttribute('aria-selected')).toBe('true');
        await question.locator('> summary').click();
        expect(await question.getAttribute('open')).toBe('');
        expect(await question.locator('> p').first().isVisible()).toBe(true);
        await tabs.nth(1).scrollIntoViewIfNeeded();
        await page.screenshot({ path: join(SHOTS, `circuit-breaker-go-tab-${theme}.png`) });
      });

      it('leader election: formulas typeset with KaTeX, dollar signs gone, the table laid out', async () => {
        const { page } = browser;
        await show('pattern-library/coordination/leader-election', theme);
        expect(await page.locator('.katex-display .katex').count()).toBe(1);
        expect(await page.locator(':not(.katex-display) > .katex').count()).toBeGreaterThanOrEqual(6);
        expect(await page.locator('.katex .katex-mathml').count()).toBeGreaterThan(0);
        // KaTeX's own fonts are bundled and in use, so formulas are not drawn in the body font.
        expect(
          await page.evaluate(
            'document.fonts.check("1em KaTeX_Main") && document.fonts.check("italic 1em KaTeX_Math")',
          ),
        ).toBe(true);
        const prose = await page.locator('.page-content > p').allInnerTexts();
        expect(prose.join('\n')).not.toMatch(/\$[a-z\\]/);
        const table = page.locator('.page-content table').first();
        expect(await table.locator('tbody tr').count()).toBe(3);
        expect(await table.locator('th .katex').count()).toBeGreaterThan(0);
        const display = (await page.locator('.katex-display').boundingBox())!;
        expect(display.height).toBeGreaterThan(30);
        await shoot('leader-election', theme);
      });

      it('hybrid logical clocks: the invalid diagram shows a readable error box with its source', async () => {
        const { page } = browser;
        await show('pattern-library/coordination/hybrid-logical-clocks', theme);
        const box = page.locator('.mermaid-diagram[data-state="error"] .mermaid-error');
        expect(await box.count()).toBe(1);
        expect(await box.isVisible()).toBe(true);
        expect(await box.locator('p').innerText()).toMatch(/^This diagram could not be drawn/);
        expect((await box.locator('pre').innerText()).length).toBeGreaterThan(10);
        expect(await page.locator('.admonition.note > .admonition-title').innerText()).toBe('Test fixture');
        await shoot('hybrid-logical-clocks', theme);
      });

      it('two-phase commit to saga: task lists with disabled checkboxes carrying their stable keys, a table, highlighted shell and YAML', async () => {
        const { page } = browser;
        await show('migration/two-phase-commit-to-saga', theme);
        const boxes = page.locator('li.task-list-item > input.task-list-item-checkbox');
        expect(await boxes.count()).toBe(25);
        expect(
          await boxes.evaluateAll((els) =>
            els.every(
              (e) =>
                (e as HTMLInputElement).disabled &&
                /^migration\/two-phase-commit-to-saga#[\w-]+#[0-9a-f]{6,}$/.test(
                  e.getAttribute('data-item-key') ?? '',
                ),
            ),
          ),
        ).toBe(true);
        // The box takes the bullet's place: inside the list, left of the text, level with the first line.
        const list = (await page.locator('ul:has(> li.task-list-item)').first().boundingBox())!;
        const item = (await page.locator('li.task-list-item').first().boundingBox())!;
        const box = (await boxes.first().boundingBox())!;
        expect(box.x).toBeGreaterThanOrEqual(list.x);
        expect(box.x + box.width).toBeLessThanOrEqual(item.x);
        expect(box.width).toBeGreaterThan(12);
        expect(box.y).toBeGreaterThanOrEqual(item.y);
        expect(box.y + box.height).toBeLessThan(item.y + 26);
        expect(await page.locator('.page-content table tbody tr').count()).toBe(4);
        expect(await page.locator('code.language-yaml.hljs, code.language-bash.hljs').count()).toBe(2);
        await shoot('two-phase-commit-to-saga', theme);
      });

      it('home: grid cards side by side with their icons, keys as <kbd>, tier icons in the table', async () => {
        const { page } = browser;
        await show('index', theme);
        const cards = page.locator('.grid.cards > ul > li');
        expect(await cards.count()).toBe(4);
        const [a, b] = [(await cards.nth(0).boundingBox())!, (await cards.nth(1).boundingBox())!];
        expect(Math.abs(a.y - b.y)).toBeLessThan(1);
        expect(b.x).toBeGreaterThan(a.x + a.width);
        const icon = (await cards.first().locator('.twemoji.lg svg').boundingBox())!;
        expect(icon.width).toBeGreaterThan(28);
        expect(await page.locator('kbd').allInnerTexts()).toEqual(expect.arrayContaining(['⌃ Ctrl', 'K']));
        expect(await page.locator('table .twemoji svg').count()).toBe(3);
        await shoot('home', theme);
      });

      it('gallery: every admonition type has its own colour and icon, links are marked, footnotes and definitions render', async () => {
        const { page } = browser;
        await show(GALLERY_ID, theme);
        const types = [
          'note',
          'abstract',
          'info',
          'tip',
          'success',
          'question',
          'warning',
          'failure',
          'danger',
          'bug',
          'example',
          'quote',
          'experiment',
          'star',
          'alert',
        ];
        const colours = await page.evaluate(
          (ts) =>
            ts.map((t) => getComputedStyle(document.querySelector(`div.admonition.${t}`)!).borderLeftColor),
          types,
        );
        expect(new Set(colours).size).toBe(types.length);
        const icons = await page
          .locator('div.admonition > .admonition-title > svg path')
          .evaluateAll((ps) => ps.map((p) => p.getAttribute('d')));
        expect(new Set(icons).size).toBe(types.length);

        const closed = page.locator('details.admonition:not([open])');
        expect(await closed.count()).toBe(1);
        expect(await page.locator('details.admonition[open] > p').isVisible()).toBe(true);

        const external = page.locator('a[data-external]');
        expect(await external.getAttribute('target')).toBe('_blank');
        expect(await external.evaluate((a) => getComputedStyle(a, '::after').content)).not.toBe('none');
        const broken = page.locator('a.broken-link');
        expect(await broken.count()).toBe(2);
        expect(await broken.first().getAttribute('title')).toMatch(
          /It may have moved to pattern-library\/coordination\/leader-election/,
        );
        expect(await broken.first().getAttribute('data-candidate')).toBe(
          'pattern-library/coordination/leader-election',
        );
        expect(await broken.nth(1).getAttribute('title')).toMatch(
          /^Broken link: nowhere\/never-written\.md does not exist/,
        );
        const style = await broken.nth(1).evaluate((a) => getComputedStyle(a).textDecorationLine);
        expect(style).toContain('underline');

        expect(await page.locator('.keys kbd').allInnerTexts()).toEqual(
          expect.arrayContaining(['⌃ Ctrl', '⎇ Alt', '⌦ Del', '⏎ Enter']),
        );
        expect(await page.locator('.footnotes li').count()).toBe(1);
        expect(await page.locator('abbr[title="Hybrid Logical Clock"]').count()).toBe(1);
        expect(await page.locator('a.md-button').count()).toBe(2);
        await shoot('gallery', theme);

        // Keyboard users get the explanation as a tooltip (the native title shows only on mouse hover).
        await page.keyboard.press('Shift');
        await broken.first().focus();
        const tip = await broken.first().evaluate((a) => getComputedStyle(a, '::before').content);
        expect(tip).toMatch(/^"Broken link: old\/leader-election\.md does not exist/);
        await page.screenshot({
          path: join(SHOTS, `gallery-broken-link-focus-${theme}.png`),
          clip: await clipAround(broken.first()),
        });
      });

      it('fixed cases: wide diagram fitted, raw HTML kept as HTML, leftover front matter a paragraph and rule, one-space cards, neutral unknown icon, scala/hcl/dockerfile highlighted, long tab strip wrapped, key symbols, mid-page h1 in the contents', async () => {
        const { page } = browser;
        await show(FIXES_ID, theme);
        const column = (await page.locator('.page-content').boundingBox())!;
        // Wide flowchart: drawn, scaled into the column (no scrolling frame), not zoomed.
        const viewport = page.locator('.mermaid-diagram[data-state="done"] .diagram-viewport');
        expect(await viewport.count()).toBe(1);
        const svgBox = (await viewport.locator('svg').boundingBox())!;
        expect(svgBox.width).toBeLessThanOrEqual(column.width + 1);
        expect(
          await viewport.evaluate(
            (v) => v.scrollWidth <= v.clientWidth + 1 && !v.classList.contains('zoomed'),
          ),
        ).toBe(true);
        const natural = await viewport
          .locator('svg')
          .evaluate((s) => (s as SVGSVGElement).viewBox.baseVal.width);
        expect(natural).toBeGreaterThan(column.width);

        expect(await page.locator('.fixture-panel .fixture-row').count()).toBe(2);
        expect(await page.locator('pre.code-block', { hasText: 'fixture-row' }).count()).toBe(0);

        expect(await page.locator('.page-content h2', { hasText: 'owner:' }).count()).toBe(0);
        expect(await page.locator('.page-content > p', { hasText: 'owner: reading-fidelity' }).count()).toBe(
          1,
        );
        expect(await page.locator('.page-content > p:has-text("owner: reading-fidelity") + hr').count()).toBe(
          1,
        );

        const cards = page.locator('.grid.cards > ul > li');
        expect(await cards.count()).toBe(2);
        expect(await cards.nth(0).innerText()).toMatch(/First card[\s\S]*Text of the first card/);
        const [a, b] = [(await cards.nth(0).boundingBox())!, (await cards.nth(1).boundingBox())!];
        expect(Math.abs(a.y - b.y)).toBeLessThan(1);

        const unknown = page.locator('[data-icon="material-quiz"].icon-unknown svg');
        expect(await unknown.count()).toBe(1);
        expect((await unknown.boundingBox())!.width).toBeLessThan(20);

        for (const lang of ['scala', 'hcl', 'dockerfile'])
          expect(await page.locator(`code.language-${lang}.hljs [class^="hljs-"]`).count()).toBeGreaterThan(
            2,
          );

        const tabs = page.locator('.tabbed-set').first().getByRole('tab');
        expect(await tabs.count()).toBe(10);
        const strip = (await page.locator('.tabbed-set .tabbed-labels').first().boundingBox())!;
        const tabBoxes = await tabs.evaluateAll((ts) => ts.map((t) => t.getBoundingClientRect().toJSON()));
        // Wrapped onto several rows, every label inside the strip.
        expect(new Set(tabBoxes.map((t: DOMRect) => Math.round(t.top))).size).toBeGreaterThan(1);
        for (const t of tabBoxes as DOMRect[]) expect(t.right).toBeLessThanOrEqual(strip.x + strip.width + 1);

        expect(await page.locator('.keys kbd').allInnerTexts()).toEqual(
          expect.arrayContaining(['⌃ Ctrl', '⎇ Alt', '⌦ Del', '← Left']),
        );

        expect(await page.locator('.page-content h1').allInnerTexts()).toContain(
          'A level-1 heading mid-page',
        );
        expect(pages.get(FIXES_ID)!.headings.map((h) => h.text)).toContain('A level-1 heading mid-page');
        await shoot('gallery-fixes', theme);
      });

      it('every kind of text meets WCAG AA contrast (4.5:1) on every page', async () => {
        const failures: string[] = [];
        const seen = new Set<string>();
        for (const id of pages.keys()) {
          await show(id, theme);
          for (const row of await readable()) {
            seen.add(row.what);
            if (row.ratio < 4.5)
              failures.push(
                `${id} ${row.what} "${row.text}": ${row.ratio.toFixed(2)} (${row.fg} on ${row.bg})`,
              );
          }
        }
        expect(failures.slice(0, 20)).toEqual([]);
        expect([...seen].sort()).toEqual(Object.keys(READABLE).sort());
      });
    });
  }

  it('animates only when the reader has not asked for reduced motion', async () => {
    const { page } = browser;
    await show(GALLERY_ID, 'light');
    const duration = () =>
      page
        .locator('summary.admonition-title')
        .first()
        .evaluate((s) => getComputedStyle(s, '::after').transitionDuration);
    await page.emulateMedia({ reducedMotion: 'no-preference' });
    expect(await duration()).toBe('0.2s');
    await page.emulateMedia({ reducedMotion: 'reduce' });
    expect(await duration()).toBe('0s');
    expect(
      await page
        .locator('.grid.cards li, a')
        .first()
        .evaluate((e) => getComputedStyle(e).transitionDuration),
    ).toBe('0s');
    await page.emulateMedia({ reducedMotion: null });
  });

  it('the dark theme paints a dark page with light text, the light theme the reverse', async () => {
    const lum: Record<string, number[]> = {};
    for (const theme of THEMES) {
      await show(GALLERY_ID, theme);
      lum[theme] = await browser.page.evaluate(() => {
        const l = (css: string) => {
          const [r, g, b] = css.match(/[\d.]+/g)!.map(Number);
          return (0.2126 * r! + 0.7152 * g! + 0.0722 * b!) / 255;
        };
        const p = document.querySelector('.page-content > p')!;
        return [l(getComputedStyle(document.body).backgroundColor), l(getComputedStyle(p).color)];
      });
    }
    expect(lum.light![0]).toBeGreaterThan(0.9);
    expect(lum.light![1]).toBeLessThan(0.3);
    expect(lum.dark![0]).toBeLessThan(0.1);
    expect(lum.dark![1]).toBeGreaterThan(0.8);
  });
});
