/// <reference types="node" />
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderPage } from '../../../src/main/render/render-page';
import { useContentBrowser } from './use-content-browser';

/** A left-to-right chain far wider than the text column. */
const WIDE =
  '```mermaid\ngraph LR\n' +
  Array.from({ length: 14 }, (_, i) => `  N${i}[Step number ${i}] --> N${i + 1}[Step number ${i + 1}]`).join(
    '\n',
  ) +
  '\n```';

describe('wide diagrams in the text column (Chromium, page-html.css)', () => {
  const b = useContentBrowser({ css: true }, async (b) => {
    await b.page.addStyleTag({
      content: 'html, body { margin: 0; } #root { max-width: 52rem; margin: 0 auto; padding: 1.5rem 2rem; }',
    });
    await b.page.evaluate(
      `window.__probe.mountOnly(${JSON.stringify(renderPage(WIDE, { pageId: 'wide' }).html)})`,
    );
    await b.page.waitForSelector('.mermaid-diagram[data-state="done"] svg', { timeout: 60_000 });
  });

  const boxes = () =>
    b.page.evaluate(() => {
      const viewport = document.querySelector<HTMLElement>('.diagram-viewport')!;
      const svg = viewport.querySelector('svg')!;
      const r = (e: Element) => e.getBoundingClientRect();
      return {
        frame: r(viewport),
        drawn: r(svg.querySelector(':scope > g')!),
        natural: svg.viewBox.baseVal.width,
        scrollable: viewport.scrollWidth > viewport.clientWidth,
      };
    });

  it('fits the whole drawing into the column by default: nothing off-screen, no empty frame', async () => {
    const { frame, drawn, natural, scrollable } = await boxes();
    expect(natural).toBeGreaterThan(frame.width * 1.5);
    expect(drawn.left).toBeGreaterThanOrEqual(frame.left - 1);
    expect(drawn.right).toBeLessThanOrEqual(frame.right + 1);
    expect(drawn.width).toBeGreaterThan(frame.width * 0.9);
    expect(drawn.bottom).toBeLessThanOrEqual(frame.bottom + 1);
    expect(scrollable).toBe(false);
    await b.page
      .locator('.diagram-frame')
      .screenshot({ path: join(import.meta.dirname, 'screenshots/wide-diagram-light.png') });
  });

  it('zooms in (the frame then scrolls and pans by dragging) and back to fit', async () => {
    await b.page.getByRole('button', { name: 'Zoom in' }).click();
    await b.page.getByRole('button', { name: 'Zoom in' }).click();
    const zoomed = await boxes();
    expect(zoomed.drawn.width).toBeGreaterThan(zoomed.frame.width * 1.4);
    expect(zoomed.scrollable).toBe(true);
    const viewport = b.page.locator('.diagram-viewport');
    const box = (await viewport.boundingBox())!;
    await b.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await b.page.mouse.down();
    await b.page.mouse.move(box.x + box.width / 2 - 200, box.y + box.height / 2, { steps: 5 });
    await b.page.mouse.up();
    expect(await viewport.evaluate((v) => v.scrollLeft)).toBeGreaterThan(150);
    await b.page.getByRole('button', { name: 'Fit to the page width' }).click();
    expect((await boxes()).scrollable).toBe(false);
  });

  it('opens the diagram at full size in an overlay that Escape closes', async () => {
    await b.page.getByRole('button', { name: 'Open full size' }).click();
    const dialog = b.page.getByRole('dialog');
    await dialog.waitFor();
    const natural = (await boxes()).natural;
    const shown = await dialog.locator('svg').evaluate((s) => s.getBoundingClientRect().width);
    expect(Math.abs(shown - natural)).toBeLessThan(2);
    await b.page.keyboard.press('Escape');
    expect(await dialog.count()).toBe(0);
  });
});
