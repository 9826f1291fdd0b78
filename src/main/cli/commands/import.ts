import { resolve } from 'node:path';
import { CorpusRootError } from '../../corpus/corpus-reader';
import { openContentDb } from '../../database/connection';
import { requireString, type Command } from '../command';
import { gitHeadOf } from '../git-head';

/** A one-line progress bar on stderr, redrawn in place (only when stderr is a terminal). */
function progressBar() {
  let last = '';
  return (done: number, total: number, phase: 'parse' | 'write') => {
    const pct = total ? Math.floor((done / total) * 100) : 100;
    const key = `${phase}${pct}`;
    if (key === last) return;
    last = key;
    const width = 30;
    const filled = Math.round((pct / 100) * width);
    const label = phase === 'parse' ? 'Rendering' : 'Writing  ';
    process.stderr.write(
      `\r${label} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${String(pct).padStart(3)}% ${done}/${total}`,
    );
    if (done === total) process.stderr.write('\n');
  };
}

export const importCommand: Command = {
  name: 'import',
  summary: 'Import a corpus (a folder with docs/ and mkdocs.yml) into a content database.',
  usage: 'dstudio import --corpus DIR --db FILE [--force] [--json]',
  options: {
    corpus: { type: 'string' },
    db: { type: 'string' },
    force: { type: 'boolean' },
    json: { type: 'boolean' },
  },
  async run(values, _positionals, io) {
    const corpus = resolve(requireString(values, 'corpus'));
    const db = openContentDb(resolve(requireString(values, 'db')));
    try {
      // Loaded on use: the render stack is heavy, and other commands (serve) should start fast.
      const { importCorpus } = await import('../../corpus/import-service');
      const report = await importCorpus(db, corpus, {
        force: values.force === true,
        source: corpus,
        commit: gitHeadOf(corpus),
        onProgress: io.isTty && !values.json ? progressBar() : undefined,
      });
      if (values.json) {
        io.out(JSON.stringify(report));
        return 0;
      }
      io.out(
        `Imported ${report.pages} pages and ${report.aliases} aliases in ${(report.durationMs / 1000).toFixed(1)} s ` +
          `(${report.unchanged} unchanged files skipped).\n` +
          `${report.checklistItems} checklist items, ${report.brokenLinks} broken links, ` +
          `${report.warnings.length} warnings, ${report.skipped.length} files skipped, ` +
          `${report.skippedImages.length} images left out.`,
      );
      for (const s of report.skipped) io.out(`  skipped ${s.path}: ${s.reason}`);
      for (const i of report.skippedImages)
        io.out(`  image left out ${i.path}${i.bytes === null ? '' : ` (${i.bytes} bytes)`}: ${i.reason}`);
      return 0;
    } catch (e) {
      if (e instanceof CorpusRootError) {
        io.err(`dstudio import: ${e.message}`);
        return 1;
      }
      throw e;
    } finally {
      db.close();
    }
  },
};
