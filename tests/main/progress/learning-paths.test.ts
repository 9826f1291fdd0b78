import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { importCorpus } from '../../../src/main/corpus/import-service';
import { openContentDb, openUserDb } from '../../../src/main/database/connection';
import { ProgressService } from '../../../src/main/progress/progress-service';
import { UserService } from '../../../src/main/user/user-service';
import { corpusAvailable, realCorpusAt, SKIP_MESSAGE } from '../../helpers/corpus';

describe.skipIf(!corpusAvailable())(
  `learning paths on the real corpus ${corpusAvailable() ? '' : SKIP_MESSAGE}`,
  () => {
    let contentFile: string;
    let contentDb: Database;

    beforeAll(async () => {
      contentFile = join(mkdtempSync(join(tmpdir(), 'dstudio-paths-')), 'content.db');
      contentDb = openContentDb(contentFile);
      await importCorpus(contentDb, realCorpusAt('snap-5'));
    }, 600_000);

    it('counts the linked library pages marked read, lists paths started and not finished, never writes content.db', async () => {
      const userDb = openUserDb(':memory:');
      const progress = new ProgressService(userDb, contentDb);
      const user = new UserService(userDb);
      const changesBefore = contentDb.prepare('SELECT total_changes()').pluck().get();

      const path = await progress.learningPath('architects-handbook/learning-paths/microservices-architect');
      expect(path).not.toBeNull();
      expect(path!.read).toBe(0);
      expect(path!.total).toBeGreaterThan(3);
      // Not a learning path: no count.
      expect(await progress.learningPath('pattern-library/resilience/circuit-breaker')).toBeNull();
      expect(await progress.learningPathsInProgress()).toEqual([]);

      // The linked pages, as content.db has them: marking two read moves the count by two.
      const linked = contentDb
        .prepare(
          `SELECT DISTINCT l.target_id FROM links l JOIN pages p ON p.no = l.page_no
         WHERE p.id = ? AND l.broken = 0 AND l.asset = 0 AND l.target_id IS NOT NULL
           AND l.target_id NOT LIKE 'architects-handbook/learning-paths%' ORDER BY l.target_id`,
        )
        .pluck()
        .all('architects-handbook/learning-paths/microservices-architect') as string[];
      expect(linked).toHaveLength(path!.total);
      await user.saveReadingState(linked[0]!, { read: true });
      await user.saveReadingState(linked[1]!, { read: true });
      // A page the path does not link changes nothing.
      await user.saveReadingState('architects-handbook/learning-paths/microservices-architect', {
        read: true,
      });
      expect(
        await progress.learningPath('architects-handbook/learning-paths/microservices-architect'),
      ).toMatchObject({
        read: 2,
        total: path!.total,
      });
      const started = await progress.learningPathsInProgress();
      expect(started.map((p) => p.pageId)).toContain(
        'architects-handbook/learning-paths/microservices-architect',
      );
      expect(started.every((p) => p.read > 0 && p.read < p.total)).toBe(true);

      // Finished paths are no longer "in progress".
      for (const id of linked) await user.saveReadingState(id, { read: true });
      expect(
        await progress.learningPath('architects-handbook/learning-paths/microservices-architect'),
      ).toMatchObject({
        read: path!.total,
      });
      expect((await progress.learningPathsInProgress()).map((p) => p.pageId)).not.toContain(
        'architects-handbook/learning-paths/microservices-architect',
      );
      expect(contentDb.prepare('SELECT total_changes()').pluck().get()).toBe(changesBefore);
      expect(statSync(contentFile).size).toBeGreaterThan(0);
    });
  },
);
