import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ITEM_STATES } from '../../../src/shared/contract/progress';
import { importCorpus } from '../../../src/main/corpus/import-service';
import { openContentDb, openUserDb } from '../../../src/main/database/connection';
import { ChecklistRepository } from '../../../src/main/progress/checklist-repository';
import { ProgressRepository } from '../../../src/main/progress/progress-repository';
import { ProgressService } from '../../../src/main/progress/progress-service';
import { rematch } from '../../../src/main/progress/rematch';
import { corpusAvailable, realCorpusAt, SKIP_MESSAGE } from '../../helpers/corpus';

describe.skipIf(!corpusAvailable())(
  `progress across real content updates snap-3 → snap-4 → snap-5 (${corpusAvailable() ? 'present' : SKIP_MESSAGE})`,
  () => {
    it('keeps every saved state: re-matched exactly, approximately, or listed as orphaned', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'dstudio-progress-real-'));
      const contentDb = openContentDb(join(dir, 'content.db'));
      const userDb = openUserDb(join(dir, 'user.db'));
      const service = new ProgressService(userDb, contentDb);
      const lists = new ChecklistRepository(contentDb);
      const runs = new ProgressRepository(userDb);

      await importCorpus(contentDb, realCorpusAt('snap-3'));
      const pageIds = contentDb
        .prepare('SELECT DISTINCT page_id FROM checklists ORDER BY page_id')
        .pluck()
        .all() as string[];
      let recorded = 0;
      for (const pageId of pageIds) {
        let i = 0;
        for (const list of lists.findByPage(pageId))
          for (const it of list.items) {
            const state = ITEM_STATES[i++ % ITEM_STATES.length]!;
            await service.setItem({ pageId, runId: null, itemKey: it.key, state, note: `note ${recorded}` });
            recorded++;
          }
      }
      const notes = () =>
        new Set(userDb.prepare('SELECT note FROM progress_items').pluck().all() as string[]);
      expect(recorded).toBeGreaterThan(4000);
      expect(notes().size).toBe(recorded);

      const report: Record<string, { exact: number; moved: number; edited: number; orphaned: number }> = {};
      const samples: string[] = [];
      for (const snap of ['snap-4', 'snap-5'] as const) {
        await importCorpus(contentDb, realCorpusAt(snap));
        const tally = { exact: 0, moved: 0, edited: 0, orphaned: 0 };
        for (const run of runs.listRuns()) {
          const saved = runs.listItems(run.id);
          const current = lists
            .findByPage(run.pageId)
            .flatMap((l) => l.items.map((it) => ({ ...it, sectionSlug: l.sectionSlug })));
          const r = rematch(saved, current);
          for (const m of r.matched) {
            tally[m.kind]++;
            if (m.kind === 'edited' && samples.length < 12) {
              const before = saved.find((s) => s.key === m.previousKey)!.text;
              const after = current.find((c) => c.key === m.currentKey)!.text;
              samples.push(`${snap} ${run.pageId}: “${before}” → “${after}”`);
            }
          }
          tally.orphaned += r.orphaned.length;
          // The service applies the same re-match and keeps orphans visible.
          const summary = (await service.listRuns()).find((s) => s.id === run.id)!;
          expect(summary.orphaned).toBe(r.orphaned.length);
        }
        report[snap] = tally;
        expect(tally.exact + tally.moved + tally.edited + tally.orphaned).toBe(recorded);
      }
      // Nothing was dropped: every note is still there, on a current item or an orphan.
      expect(notes().size).toBe(recorded);
      console.log(`recorded ${recorded} item states on ${pageIds.length} pages of snap-3`);
      console.table(report);
      console.log(samples.join('\n'));
      contentDb.close();
      userDb.close();
    }, 600_000);
  },
);
