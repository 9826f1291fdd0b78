/// <reference types="node" />
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { splitFrontMatter } from '../../../src/main/corpus/front-matter';
import { renderPage } from '../../../src/main/render/render-page';
import { corpusAvailable, realCorpusAt, SKIP_MESSAGE } from '../../helpers/corpus';
import type { ContentBrowser } from './chromium-harness';
import { useContentBrowser } from './use-content-browser';

const render = (src: string) => renderPage(src, { pageId: 'anchors' }).html;
const diagram = (i: number) =>
  '```mermaid\ngraph TD\n' +
  Array.from({ length: 8 }, (_, j) => `  A${i}${j}[Node ${j}] --> A${i}${j + 1}[Node ${j + 1}]`).join('\n') +
  '\n```';

/**
 * Clicks each in-page link and reports how far its target ends up from its landing line (the top
 * of the window less the heading's scroll margin)
 * once the page is still (diagrams drawn); targets the page cannot scroll to the top are skipped.
 */
async function landings(b: ContentBrowser, hrefs: string[]): Promise<{ href: string; offset: number }[]> {
  const out: { href: string; offset: number }[] = [];
  for (const href of hrefs) {
    await b.page.evaluate(() => window.scrollTo(0, 0));
    await b.page.locator(`#root a[href="${href}"]`).first().click();
    // Still: no diagram drawing and the target stays put for a while.
    let last = NaN;
    for (let i = 0; i < 60; i++) {
      await b.page.waitForTimeout(250);
      const now = await b.page.evaluate((h) => {
        const id = decodeURIComponent(h.slice(1));
        const el = document.getElementById(`user-content-${id}`) ?? document.getElementById(id);
        const busy = document.querySelector('.mermaid-diagram[data-state="rendering"]') !== null;
        // Headings keep a scroll margin for the app's sticky page header: that is where they are meant to land.
        return busy || !el
          ? NaN
          : el.getBoundingClientRect().top - parseFloat(getComputedStyle(el).scrollMarginTop);
      }, href);
      if (!Number.isNaN(now) && Math.abs(now - last) < 0.5) break;
      last = now;
    }
    const atBottom = await b.page.evaluate(
      () => window.scrollY + innerHeight >= document.documentElement.scrollHeight - 2,
    );
    if (!atBottom) out.push({ href, offset: Math.round(last) });
  }
  return out;
}

describe('in-page anchors land at the top while diagrams above them render (Chromium)', () => {
  const b = useContentBrowser({ css: true }, async (b) => {
    await b.page.addStyleTag({
      content: 'html, body { margin: 0; } #root { max-width: 52rem; margin: 0 auto; padding: 0 2rem; }',
    });
  });

  it('a link to a heading below many diagrams', async () => {
    const filler = 'Some text.\n\n'.repeat(3);
    const body = Array.from({ length: 12 }, (_, i) => `${filler}${diagram(i)}\n\n`).join('');
    await b.page.evaluate(
      `window.__probe.mountOnly(${JSON.stringify(render(`[Go](#target)\n\n${body}## Target\n\n${'More text.\n\n'.repeat(80)}`))})`,
    );
    const [landing] = await landings(b, ['#target']);
    expect(Math.abs(landing!.offset)).toBeLessThanOrEqual(8);
  });

  it.skipIf(!corpusAvailable())(
    'every in-page anchor of pattern-library/index (real corpus)',
    async () => {
      if (!corpusAvailable()) return console.log(SKIP_MESSAGE);
      const file = join(realCorpusAt('snap-5'), 'docs/pattern-library/index.md');
      await b.page.evaluate(
        `window.__probe.mountOnly(${JSON.stringify(render(splitFrontMatter(readFileSync(file, 'utf8')).body))})`,
      );
      const hrefs = await b.page.evaluate(() =>
        [
          ...new Set(
            Array.from(document.querySelectorAll('#root a[href^="#"]')).map((a) => a.getAttribute('href')!),
          ),
        ].filter((h) => {
          const id = decodeURIComponent(h.slice(1));
          return id && (document.getElementById(`user-content-${id}`) ?? document.getElementById(id));
        }),
      );
      expect(hrefs.length).toBeGreaterThan(10);
      const results = await landings(b, hrefs);
      expect(results.length).toBeGreaterThan(5);
      expect(results.filter((r) => Math.abs(r.offset) > 8)).toEqual([]);
    },
    300_000,
  );
});
