/**
 * Reading fidelity on the real corpus (snap-5), the counts issue 20 tracks:
 * 1. drawn diagrams whose content reaches outside their visible frame, in Chromium with the
 *    reader's column width (a sample of the pages with diagrams; `FIDELITY_ALL=1` for all);
 * 3. headings spanning several lines (leftover front matter read as a setext heading);
 * 7. grid-card blocks whose cards are not one list item each;
 * 9. unknown icon names drawn as a glyph that looks like a control.
 */
import { mdiSquareRoundedOutline as SQUARE_ROUNDED } from '@mdi/js';
import { readFileSync } from 'node:fs';
import { listCorpus } from '../src/main/corpus/corpus-reader';
import { splitFrontMatter } from '../src/main/corpus/front-matter';
import { renderPage } from '../src/main/render/render-page';
import { realCorpusAt } from '../tests/helpers/corpus';
import { openContentBrowser } from '../tests/renderer/page-html/chromium-harness';

/** The reader's text column (app.css `.page-body`). */
const COLUMN_CSS =
  'html, body { margin: 0; } #root { max-width: 52rem; margin: 0 auto; padding: 1.5rem 2rem; }';

function countMatches(html: string, re: RegExp): number {
  return html.match(re)?.length ?? 0;
}

/**
 * Grid-card lists split into broken cells: a block that starts with a list must be that one
 * list (one card per item), its matching `</ul>` closing the block.
 */
function brokenCardBlocks(html: string): number {
  let broken = 0;
  for (const m of html.matchAll(/<div class="grid cards">\n/g)) {
    const from = m.index + m[0].length;
    // Cards written as raw HTML (`<div class="card">`) are not built from a list.
    if (!html.startsWith('<ul>', from)) continue;
    const tags = /<(\/?)ul>/g;
    tags.lastIndex = from;
    let depth = 0;
    let end = -1;
    for (let t = tags.exec(html); t; t = tags.exec(html)) {
      depth += t[1] ? -1 : 1;
      if (depth === 0) {
        end = t.index + t[0].length;
        break;
      }
    }
    if (end < 0 || !html.startsWith('\n</div>', end)) broken++;
  }
  return broken;
}

export default async function fidelityBench(): Promise<void> {
  const root = realCorpusAt('snap-5');
  const pages = listCorpus(root).files.map((f) => ({
    path: f.absPath.slice(root.length + 6),
    html: renderPage(splitFrontMatter(readFileSync(f.absPath, 'utf8')).body, { pageId: f.absPath }).html,
  }));
  const multiLineHeadings = pages.reduce(
    (n, p) => n + countMatches(p.html, /<h[1-6][^>]*>[^<]*\n[^<]*<\/h[1-6]>/g),
    0,
  );
  const cardBlocks = pages.reduce((n, p) => n + countMatches(p.html, /<div class="grid cards">/g), 0);
  const brokenCards = pages.reduce((n, p) => n + brokenCardBlocks(p.html), 0);
  const unknown = /class="[^"]*icon-unknown[^"]*"[^>]*><svg[^>]*><path d="([^"]*)"/g;
  const controlLike = (html: string) =>
    [...html.matchAll(unknown)].filter((m) => m[1] === SQUARE_ROUNDED).length;
  const unknownIcons = pages.reduce((n, p) => n + controlLike(p.html), 0);
  const unknownIconPages = pages.filter((p) => p.html.includes('icon-unknown')).length;

  const withDiagrams = pages.filter((p) => p.html.includes('class="mermaid-diagram"'));
  const sample = process.env.FIDELITY_ALL ? withDiagrams : withDiagrams.filter((_, i) => i % 5 === 0);
  const browser = await openContentBrowser({ css: true });
  let drawn = 0;
  let overflowing = 0;
  let errors = 0;
  const worst: string[] = [];
  try {
    await browser.page.addStyleTag({ content: COLUMN_CSS });
    for (const p of sample) {
      const r = await browser.page.evaluate<{ drawn: number; overflowing: number; errors: number }>(
        `window.__probe.diagramFit(${JSON.stringify(p.html)})`,
      );
      drawn += r.drawn;
      overflowing += r.overflowing;
      errors += r.errors;
      if (r.overflowing) worst.push(`${p.path}: ${r.overflowing}/${r.drawn}`);
    }
  } finally {
    await browser.close();
  }
  console.log(
    `corpus: ${pages.length} pages; ${sample.length} of ${withDiagrams.length} pages with diagrams drawn in Chromium`,
  );
  console.table([
    {
      item: '1 diagrams reaching outside their frame',
      count: overflowing,
      of: `${drawn} drawn (${errors} parse errors)`,
    },
    { item: '3 headings spanning several lines', count: multiLineHeadings, of: `${pages.length} pages` },
    { item: '7 grid-card lists split into broken cells', count: brokenCards, of: `${cardBlocks} blocks` },
    {
      item: '9 unknown icons drawn as a control-like glyph',
      count: unknownIcons,
      of: `${unknownIconPages} pages with unknown names`,
    },
  ]);
  if (worst.length)
    console.log(`pages with overflowing diagrams (first 10):\n  ${worst.slice(0, 10).join('\n  ')}`);
}
