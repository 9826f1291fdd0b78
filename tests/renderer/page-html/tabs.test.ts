/// <reference types="node" />
import { describe, expect, it } from 'vitest';
import type { Locator } from 'playwright-core';
import { renderPage } from '../../../src/main/render/render-page';
import { useContentBrowser } from './use-content-browser';

const render = (src: string) => renderPage(src, { pageId: 'tabs' }).html;
const filler = Array.from({ length: 60 }, (_, i) => `Paragraph ${i} of filler text.`).join('\n\n');
/** Three tabs; the third holds a heading with enough text around it that the page scrolls to it. */
const tabbed = [
  '[to the deep heading](#deep-heading)',
  '=== "One"\n    first',
  '=== "Two"\n    second',
  `=== "Three"\n    ${filler.replaceAll('\n\n', '\n\n    ')}\n\n    ## Deep heading\n\n    ${filler.replaceAll('\n\n', '\n\n    ')}`,
].join('\n\n');

/** The element sits at the top of the viewport, below the headroom its scroll-margin keeps. */
async function expectAtTop(el: Locator): Promise<void> {
  const { top, margin } = await el.evaluate((e) => ({
    top: e.getBoundingClientRect().top,
    margin: parseFloat(getComputedStyle(e).scrollMarginTop) || 0,
  }));
  expect(Math.abs(top - margin)).toBeLessThan(2);
}

describe('content tabs in Chromium, with the page stylesheet', () => {
  const b = useContentBrowser({ css: true }, async (b) => {
    await b.page.setViewportSize({ width: 480, height: 600 });
  });

  it('wraps a long strip of labels onto several rows, each label fully inside the strip', async () => {
    const labels = Array.from({ length: 10 }, (_, i) => `Q-${i + 1}: A fairly long question label`);
    const src = labels.map((l, i) => `=== "${l}"\n    body ${i}`).join('\n\n');
    await b.page.evaluate(`window.__probe.mountOnly(${JSON.stringify(render(src))})`);
    const strip = b.page.getByRole('tablist');
    const box = (await strip.boundingBox())!;
    expect(await strip.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    const tabs = b.page.getByRole('tab');
    expect(await tabs.allInnerTexts()).toEqual(labels);
    const tops = new Set<number>();
    for (const tab of await tabs.all()) {
      const r = (await tab.boundingBox())!;
      expect(r.x).toBeGreaterThanOrEqual(box.x);
      expect(r.x + r.width).toBeLessThanOrEqual(box.x + box.width + 0.5);
      expect(r.y + r.height).toBeLessThanOrEqual(box.y + box.height + 0.5);
      tops.add(Math.round(r.y));
    }
    expect(tops.size).toBeGreaterThan(1);
  });

  it('a deep link to a heading inside an inactive tab opens that tab and lands on the heading', async () => {
    await b.page.evaluate(`window.__probe.mountAt(${JSON.stringify(render(tabbed))}, 'deep-heading')`);
    const third = b.page.getByRole('tab', { name: 'Three' });
    await expect.poll(() => third.getAttribute('aria-selected')).toBe('true');
    expect(await b.page.getByRole('tab', { name: 'One' }).getAttribute('aria-selected')).toBe('false');
    const heading = b.page.getByRole('heading', { name: 'Deep heading' });
    expect(await heading.isVisible()).toBe(true);
    await expectAtTop(heading);
  });

  it('an in-page anchor link to a heading inside an inactive tab opens that tab', async () => {
    await b.page.evaluate(`window.__probe.mountOnly(${JSON.stringify(render(tabbed))})`);
    await b.page.evaluate('window.scrollTo(0, 0)');
    const heading = b.page.getByRole('heading', { name: 'Deep heading' });
    expect(await heading.isVisible()).toBe(false);
    await b.page.getByRole('link', { name: 'to the deep heading' }).click();
    expect(await b.page.getByRole('tab', { name: 'Three' }).getAttribute('aria-selected')).toBe('true');
    expect(await heading.isVisible()).toBe(true);
    await expectAtTop(heading);
  });
});
