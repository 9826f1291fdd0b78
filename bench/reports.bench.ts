/**
 * Report preview benchmark: how far the composer's preview lags the typing on long drafts.
 * Drafts whose Implementation Details and Lessons Learned are filled to their 20,000-character
 * limit with real corpus text (the five largest snap-5 pages, headings dropped as the
 * composer requires). Side by side, in the same run:
 * - plain markdown-it of the same exported Markdown (the floor);
 * - `reports.previewReport` (normalise, validate, export to Markdown, the page pipeline);
 * - the same over `dstudio serve`'s HTTP transport, as the UI calls it in the browser.
 * No goal is set for it yet; the composer asks for a preview 300 ms after the typing pauses.
 */
import MarkdownIt from 'markdown-it';
import { readFileSync } from 'node:fs';
import { listCorpus } from '../src/main/corpus/corpus-reader';
import { splitFrontMatter } from '../src/main/corpus/front-matter';
import { startHttpServer } from '../src/main/server/http-server';
import { createHttpApi } from '../src/renderer/src/http-api';
import { emptyValues, type ReportValues } from '../src/shared/templates';
import { patternUsageTemplate } from '../src/shared/templates/pattern-usage';
import { realCorpusAt } from '../tests/helpers/corpus';
import { starterServices } from '../tests/main/reports/starter-services';

const RUNS = 15;
const FIELD_LIMIT = 20_000;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

async function timed(fn: () => unknown | Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

/** A long real text for a field: lines that would read as report headings left out. */
function fieldText(markdown: string): string {
  return markdown
    .split('\n')
    .filter((l) => !/^#{1,4}\s/.test(l) && !l.startsWith('**'))
    .join('\n')
    .slice(0, FIELD_LIMIT);
}

export default async function reportsBench(): Promise<void> {
  const root = realCorpusAt('snap-5');
  const largest = listCorpus(root)
    .files.map((f) => splitFrontMatter(readFileSync(f.absPath, 'utf8')).body)
    .sort((a, b) => b.length - a.length)
    .slice(0, 5);
  const drafts: ReportValues[] = largest.map((body) => ({
    ...emptyValues(patternUsageTemplate),
    pattern: 'pattern-library/resilience/circuit-breaker',
    company: 'Example Corp',
    scale: '50K req/s',
    duration: '2 years',
    implementation: fieldText(body),
    lessons: fieldText(body.slice(body.length / 2)),
    recommend: { answer: 'with-caveats', why: 'Only with good timeouts.' },
  }));

  const { services, cleanup } = await starterServices();
  const server = await startHttpServer({ api: services.api, staticRoot: root });
  const http = createHttpApi(server.origin, server.token, (u, init) => fetch(u, init));
  const plain = new MarkdownIt({ html: true });
  try {
    const markdowns = await Promise.all(
      drafts.map(async (d) => (await services.api.reports.previewReport('pattern-usage', d)).markdown),
    );
    // Warm every path once before measuring.
    for (const [i, d] of drafts.entries()) {
      plain.render(markdowns[i]!);
      await http.reports.previewReport('pattern-usage', d);
    }
    const floor: number[] = [];
    const service: number[] = [];
    const overHttp: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      for (const [i, d] of drafts.entries()) {
        floor.push(await timed(() => plain.render(markdowns[i]!)));
        service.push(await timed(() => services.api.reports.previewReport('pattern-usage', d)));
        overHttp.push(await timed(() => http.reports.previewReport('pattern-usage', d)));
      }
    }
    const chars = drafts.map((d) => JSON.stringify(d).length);
    console.log(
      `drafts: ${drafts.length}, ${Math.min(...chars).toLocaleString('en')}–${Math.max(...chars).toLocaleString('en')} characters each; median of ${RUNS} runs per draft`,
    );
    const f = median(floor);
    console.table(
      [
        ['plain markdown-it of the exported Markdown (floor)', f],
        ['reports.previewReport (service)', median(service)],
        ['reports.previewReport over HTTP (dstudio serve)', median(overHttp)],
      ].map(([measure, ms]) => ({
        measure,
        'ms (p50)': (ms as number).toFixed(1),
        ratio: `${((ms as number) / f).toFixed(2)}×`,
      })),
    );
  } finally {
    await server.close();
    cleanup();
  }
}
