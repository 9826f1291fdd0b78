/**
 * Import benchmark on the real corpus (snap-5): the full import against the floor of
 * rendering the same page bodies with plain markdown-it, and content.db size against the
 * Markdown size. Goals (foundation issue): import ≤ 1.5× the render floor, database ≤ 2× the Markdown.
 */
import MarkdownIt from 'markdown-it';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listCorpus } from '../src/main/corpus/corpus-reader';
import { splitFrontMatter } from '../src/main/corpus/front-matter';
import { importCorpus } from '../src/main/corpus/import-service';
import { openContentDb } from '../src/main/database/connection';
import { realCorpusAt } from '../tests/helpers/corpus';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

export default async function importBench(): Promise<void> {
  const root = realCorpusAt('snap-5');
  const { files } = listCorpus(root);
  const texts = files.map((f) => readFileSync(f.absPath, 'utf8'));
  const markdownBytes = files.reduce((n, f) => n + f.size, 0);

  // Floor: plain markdown-it (html on, as the corpus needs) over the same bodies, front matter split off.
  const floorRuns: number[] = [];
  for (let run = 0; run < 3; run++) {
    const md = new MarkdownIt({ html: true });
    const t0 = performance.now();
    for (const text of texts) md.render(splitFrontMatter(text).body);
    floorRuns.push(performance.now() - t0);
  }

  const importRuns: number[] = [];
  let dbBytes = 0;
  let pages = 0;
  for (let run = 0; run < 3; run++) {
    const dir = mkdtempSync(join(tmpdir(), 'dstudio-bench-import-'));
    const file = join(dir, 'content.db');
    const db = openContentDb(file);
    const t0 = performance.now();
    const report = await importCorpus(db, root);
    importRuns.push(performance.now() - t0);
    pages = report.pages;
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    dbBytes = statSync(file).size;
  }

  // Re-import with nothing changed: every file skipped by its blob SHA.
  const dir = mkdtempSync(join(tmpdir(), 'dstudio-bench-reimport-'));
  const db = openContentDb(join(dir, 'content.db'));
  await importCorpus(db, root);
  const t0 = performance.now();
  await importCorpus(db, root);
  const reimport = performance.now() - t0;
  db.close();

  const floor = median(floorRuns);
  const full = median(importRuns);
  console.log(
    `corpus: ${files.length} .md files, ${pages} pages, ${(markdownBytes / 1048576).toFixed(1)} MB of Markdown`,
  );
  console.table([
    { measure: 'plain markdown-it render (floor)', ms: Math.round(floor), ratio: '1.00×' },
    {
      measure: 'full import (dstudio)',
      ms: Math.round(full),
      ratio: `${(full / floor).toFixed(2)}× (goal ≤ 1.5×)`,
    },
    {
      measure: 're-import, nothing changed',
      ms: Math.round(reimport),
      ratio: `${(reimport / floor).toFixed(2)}×`,
    },
  ]);
  console.table([
    { measure: 'Markdown under docs/', MB: +(markdownBytes / 1048576).toFixed(2), ratio: '1.00×' },
    {
      measure: 'content.db',
      MB: +(dbBytes / 1048576).toFixed(2),
      ratio: `${(dbBytes / markdownBytes).toFixed(2)}× (goal ≤ 2×)`,
    },
  ]);
}
