import type { Database } from 'better-sqlite3';
import { join } from 'node:path';
import type { ExportDocument } from '../../shared/contract';
import type { UserDataImport, UserDataImportMode } from '../../shared/contract/user';
import { backupUserDb } from '../database/health';
import { exportUserData, importUserData, parseUserData, UserDataError } from './user-data-backup';

/**
 * The whole of user.db as the file the user keeps (`dstudio user export` and the app's
 * "Export all my data" save this same document).
 */
export function exportUserDataDocument(db: Database, now = new Date()): ExportDocument {
  return {
    suggestedName: `dstudio-user-data-${now.toISOString().slice(0, 10)}.json`,
    mime: 'application/json',
    text: `${JSON.stringify(exportUserData(db, now.toISOString()), null, 2)}\n`,
  };
}

/**
 * Imports a backup file's text (`dstudio user import` and the app's "Import data…"):
 * validated before anything is touched, the current user.db backed up, then applied in one
 * transaction. A bad file throws a UserDataError and changes nothing.
 */
export async function importUserDataText(
  db: Database,
  backupDir: string,
  text: string,
  mode: UserDataImportMode,
): Promise<UserDataImport> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new UserDataError(`The file is not readable JSON (${(e as Error).message}).`);
  }
  const data = parseUserData(raw);
  // Always, not daily: an import can overwrite what the user has, so the state before it is kept.
  const backupFile = join(backupDir, await backupUserDb(db, backupDir));
  const counts = importUserData(db, data, mode);
  return { mode, exportedAt: data.exportedAt, counts, backupFile };
}
