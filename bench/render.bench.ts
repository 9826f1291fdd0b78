/**
 * Render benchmark on the real corpus (snap-5).
 * 1. Markdown → HTML for the whole corpus: renderPage (every MkDocs extension, KaTeX, link and
 *    task collection) against plain markdown-it over the same bodies. Goal ≤ 1.5×.
 * 2. Opening the 5 largest pages in Chromium: sanitise (DOMPurify, our config) + DOM insert +
 *    enhance, against a bare `innerHTML` of the same HTML. Goal ≤ 1.5×. (The content.db read is
 *    the importer's side; here the stored HTML is held in memory.)
 */
import MarkdownIt from 'markdown-it';
import { readFileSync } from 'node:fs';
import { listCorpus } from '../src/main/corpus/corpus-reader';
import { splitFrontMatter } from '../src/main/corpus/front-matter';
import { renderPage } from '../src/main/render/render-page';
import { realCorpusAt } from '../tests/helpers/corpus';
import { openPageBench } from '../tests/renderer/page-html/chromium-harness';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

export default async function renderBench(): Promise<void> {
  const root = realCorpusAt('snap-5');
  const { files } = listCorpus(root);
  const bodies = files.map((f) => splitFrontMatter(readFileSync(f.absPath, 'utf8')).body);
  const plain = new MarkdownIt({ html: true });
  // Warm both (JIT, lazy module init such as the icon sets) before measuring.
  for (const b of bodies) plain.render(b);
  const htmls = bodies.map((b) => renderPage(b, { pageId: 'bench' }).html);

  const floorRuns: number[] = [];
  const fullRuns: number[] = [];
  for (let run = 0; run < 5; run++) {
    let t0 = performance.now();
    for (const b of bodies) plain.render(b);
    floorRuns.push(performance.now() - t0);
    t0 = performance.now();
    for (const b of bodies) renderPage(b, { pageId: 'bench' });
    fullRuns.push(performance.now() - t0);
  }
  const floor = median(floorRuns);
  const full = median(fullRuns);
  console.log(
    `corpus: ${files.length} files, ${(bodies.reduce((n, b) => n + b.length, 0) / 1048576).toFixed(1)} MB of Markdown (median of 5 runs)`,
  );
  console.table([
    { measure: 'plain markdown-it (floor)', ms: Math.round(floor), ratio: '1.00×' },
    {
      measure: 'renderPage (all extensions)',
      ms: Math.round(full),
      ratio: `${(full / floor).toFixed(2)}× (goal ≤ 1.5×)`,
    },
  ]);

  const largest = htmls
    .map((html, i) => ({ html, path: files[i]!.absPath.slice(root.length + 6) }))
    .sort((a, b) => b.html.length - a.html.length)
    .slice(0, 5);
  const rows = await openPageBench(largest.map((p) => p.html));
  console.table(
    rows.map((r, i) => ({
      page: largest[i]!.path,
      KB: Math.round(largest[i]!.html.length / 1024),
      'bare innerHTML ms': +r.bare.toFixed(1),
      'sanitise+insert+enhance ms': +r.mounted.toFixed(1),
      ratio: `${(r.mounted / r.bare).toFixed(2)}×`,
    })),
  );
  const bare = rows.reduce((n, r) => n + r.bare, 0);
  const mounted = rows.reduce((n, r) => n + r.mounted, 0);
  console.log(
    `open time, 5 largest pages: ${mounted.toFixed(1)} ms vs bare innerHTML ${bare.toFixed(1)} ms → ${(mounted / bare).toFixed(2)}× (goal ≤ 1.5×); mermaid modules loaded on open: ${rows.some((r) => r.mermaidLoaded) ? 'yes' : 'no'}`,
  );
}
