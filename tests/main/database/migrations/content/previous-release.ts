import BetterSqlite3 from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrate } from '../../../../../src/main/database/migrator';
import { contentMigrations } from '../../../../../src/main/database/migrations/content';

/**
 * A content.db file in a fresh temporary folder at the schema the release before a
 * migration had: every content migration before the one whose `why` starts with `why`
 * (found by its words, since the lead may renumber migrations at merge).
 */
export function previousReleaseDb(why: string): { dir: string; file: string } {
  const index = contentMigrations.findIndex((m) => m.why.startsWith(why));
  if (index <= 0) throw new Error(`no content migration after the first starts with "${why}"`);
  const dir = mkdtempSync(join(tmpdir(), 'dstudio-migration-'));
  const file = join(dir, 'content.db');
  const old = new BetterSqlite3(file);
  // The earlier migrations' views call the function the app registers on every connection.
  old.function('section_text', { deterministic: true }, (b: unknown) => b as string);
  migrate(old, contentMigrations.slice(0, index), file);
  old.close();
  return { dir, file };
}
