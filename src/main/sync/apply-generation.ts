import type { Database } from 'better-sqlite3';
import type { SyncReport } from '../../shared/contract/sync';
import type { CorpusSource } from '../corpus/corpus-source';
import { importSource } from '../corpus/import-service';
import { describeChanges, type ChecklistRematch } from './change-report';
import { SyncCancelledError } from './http-fetch';
import type { SyncRepository } from './sync-repository';

/** content.db meta flag: the kept previous generation lists its images too. */
export const PREVIOUS_HAS_IMAGES = 'previousHasImages';

export interface ApplyOptions {
  kind: SyncReport['kind'];
  commit: string | null;
  committedAt: string | null;
  label: string;
  signal?: AbortSignal;
  rematch?: ChecklistRematch;
  finish: (parts: ReturnType<typeof describeChanges>) => SyncReport;
  /** More writes that belong to the same transaction. */
  after?: () => void;
}

/**
 * Makes `source` the current generation in one transaction: the importer's writes, the
 * previous generation kept for revert, provenance and the change report commit together.
 */
export async function applyGeneration(
  db: Database,
  repo: SyncRepository,
  source: CorpusSource,
  o: ApplyOptions,
): Promise<SyncReport> {
  const before = repo.fileStates();
  const previous = repo.currentFiles();
  const previousCommit = repo.meta('commit');
  const previousDate = repo.meta('committedAt');
  const previousSource = repo.meta('source');
  // The importer replaces the stored images: the ones leaving are kept as blobs for revert.
  const leaving = source.images ? repo.imagesNotIn(new Set(source.images.map((i) => i.sha ?? ''))) : [];
  let report: SyncReport | undefined;
  await importSource(db, source, {
    source: o.label,
    commit: o.commit,
    inTransaction: () => {
      // The last moment a cancel is honoured: throwing here rolls the whole import back.
      if (o.signal?.aborted) throw new SyncCancelledError();
      repo.setPreviousFiles(previous);
      for (const image of leaving) repo.keepBlob(image.sha, image.bytes);
      repo.setMeta(PREVIOUS_HAS_IMAGES, '1');
      repo.setMeta('previousCommit', previousCommit);
      repo.setMeta('previousCommittedAt', previousDate);
      repo.setMeta('previousSource', previousSource);
      repo.setMeta('committedAt', o.committedAt);
      o.after?.();
      report = o.finish(describeChanges(before, repo.fileStates(), o.rematch));
      repo.addReport(report);
    },
  });
  return report!;
}

/** The apply needs bytes that were neither downloaded nor kept (a damaged cache or content.db). */
export function failMissing(path: string): never {
  throw new Error(`${path}: its bytes are neither downloaded nor kept; run the update again.`);
}
