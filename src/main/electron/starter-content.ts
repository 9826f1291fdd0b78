import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ImportReport } from '../../shared/domain';
import { ContentRepository } from '../content/content-repository';
import { importCorpus } from '../corpus/import-service';
import { openContentDb } from '../database/connection';

/** Recorded as the content source, so the UI can tell starter content from an imported corpus. */
export const STARTER_SOURCE = 'DStudio starter content';

/**
 * On first start (a content database with no pages and no aliases), imports the
 * starter corpus shipped with the app, so a new user sees a working library instead
 * of an empty window. Returns the import report, or null when nothing was imported
 * (content already there, or no starter corpus bundled). Never touches user.db.
 */
export async function importStarterContentIfEmpty(
  contentDbPath: string,
  corpusRoot: string,
): Promise<ImportReport | null> {
  if (!existsSync(join(corpusRoot, 'mkdocs.yml'))) return null;
  const db = openContentDb(contentDbPath);
  try {
    const status = new ContentRepository(db).status();
    if (status.pages > 0 || status.aliases > 0) return null;
    return await importCorpus(db, corpusRoot, { source: STARTER_SOURCE, commit: null });
  } finally {
    db.close();
  }
}
