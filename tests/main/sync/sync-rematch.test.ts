import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ITEM_STATES } from '../../../src/shared/contract/progress';
import { importCorpus } from '../../../src/main/corpus/import-service';
import { openContentDb, openUserDb } from '../../../src/main/database/connection';
import { ChecklistRepository } from '../../../src/main/progress/checklist-repository';
import { ProgressService } from '../../../src/main/progress/progress-service';
import { corpusAvailable, realCorpusAt } from '../../helpers/corpus';
import { tmp } from './sync-helpers';
import { fakeGitHubSuite } from './fake-github-suite';

const BIN = resolve(import.meta.dirname, '../../../bin/dstudio.mjs');

function cli(args: string[]): Promise<{ code: number | null; out: string }> {
  const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString()));
  return new Promise((r) => child.on('exit', (code) => r({ code, out })));
}

/** Every row of the user's progress, hashed: sync must leave it exactly as it was. */
function userData(file: string): string {
  const db = openUserDb(file, { readonly: true });
  const rows = ['progress_runs', 'progress_items'].map((t) =>
    db.prepare(`SELECT * FROM ${t} ORDER BY 1, 2`).all(),
  );
  db.close();
  return createHash('sha1').update(JSON.stringify(rows)).digest('hex');
}

interface JsonGuide {
  id: string;
  change: string;
  checklistItems: number;
  rematched: number | null;
  orphaned: number | null;
}

describe.skipIf(!corpusAvailable())(
  're-match counts in the change report (real progress, snap-3 → snap-4)',
  () => {
    const server = fakeGitHubSuite();

    it('`dstudio sync --user-db --json` counts what the progress service then shows, and never writes user.db', async () => {
      const dir = tmp();
      const contentFile = join(dir, 'content.db');
      const userFile = join(dir, 'user.db');
      const contentDb = openContentDb(contentFile);
      await importCorpus(contentDb, realCorpusAt('snap-3'), { commit: server.commitOf('snap-3') });
      const userDb = openUserDb(userFile);
      const progress = new ProgressService(userDb, contentDb);
      const lists = new ChecklistRepository(contentDb);
      // States on every checklist item of the pages the update changes (the others count nothing).
      const changedPaths = execFileSync(
        'git',
        ['-C', realCorpusAt('snap-4'), 'diff', '--name-only', 'snap-3', 'snap-4', '--', 'docs'],
        { encoding: 'utf8' },
      )
        .split('\n')
        .filter(Boolean)
        .map((p) => p.slice('docs/'.length));
      const pageIds = contentDb
        .prepare(
          `SELECT DISTINCT c.page_id FROM checklists c JOIN pages p ON p.id = c.page_id
           WHERE p.path IN (SELECT value FROM json_each(?)) ORDER BY 1`,
        )
        .pluck()
        .all(JSON.stringify(changedPaths)) as string[];
      expect(pageIds.length).toBeGreaterThan(0);
      let recorded = 0;
      const perPage = new Map<string, number>();
      for (const pageId of pageIds)
        for (const list of lists.findByPage(pageId))
          for (const item of list.items) {
            perPage.set(pageId, (perPage.get(pageId) ?? 0) + 1);
            await progress.setItem({
              pageId,
              runId: null,
              itemKey: item.key,
              state: ITEM_STATES[recorded++ % ITEM_STATES.length]!,
            });
          }
      expect(recorded).toBeGreaterThan(0);
      userDb.pragma('wal_checkpoint(TRUNCATE)');
      userDb.close();
      contentDb.pragma('wal_checkpoint(TRUNCATE)');
      contentDb.close();
      const before = userData(userFile);

      server.head = 'snap-4';
      const run = await cli([
        'sync',
        '--db',
        contentFile,
        '--user-db',
        userFile,
        '--api-url',
        server.url,
        '--json',
      ]);
      expect(run.code).toBe(0);
      const guides = (JSON.parse(run.out) as { guides: JsonGuide[] }).guides;
      expect(userData(userFile)).toBe(before);
      const counted = guides.filter((g) => g.rematched !== null);
      expect(counted.length).toBeGreaterThan(0);
      console.table(counted);

      // Opening each page's progress applies the same re-match: the counts must agree.
      const after = new ProgressService(openUserDb(userFile), openContentDb(contentFile));
      for (const g of counted) {
        let rematched = 0;
        let orphaned = 0;
        const page = g.change === 'removed' ? null : await after.getPage(g.id, null);
        for (const r of page?.runs ?? []) {
          const p = await after.getPage(g.id, r.id);
          rematched += Object.values(p.items).filter((i) => i.match !== 'exact').length;
          orphaned += p.orphans.length;
        }
        if (page)
          expect({ id: g.id, rematched, orphaned }).toEqual({
            id: g.id,
            rematched: g.rematched,
            orphaned: g.orphaned,
          });
        // A removed page keeps no item: every state saved on it is orphaned.
        else
          expect({ rematched: g.rematched, orphaned: g.orphaned }).toEqual({
            rematched: 0,
            orphaned: perPage.get(g.id),
          });
      }
    }, 600_000);
  },
);
