import type { Database } from 'better-sqlite3';
import { USER_DATA_FORMAT, USER_DATA_VERSION, userDataSchema, type UserData } from '../../shared/user-data';
import { USER_DATA_TABLES } from './user-data-tables';

/** Every row of every table in USER_DATA_TABLES, as one versioned JSON document. */
export function exportUserData(db: Database, now = new Date().toISOString()): UserData {
  const tables: UserData['tables'] = {};
  for (const t of USER_DATA_TABLES) {
    const cols = t.columns.map((c) => `"${c}"`).join(', ');
    // Ordered by every column (some tables have no rowid), so one state always exports the same.
    tables[t.name] = db
      .prepare(`SELECT ${cols} FROM "${t.name}" ORDER BY ${cols}`)
      .all() as UserData['tables'][string];
  }
  return { format: USER_DATA_FORMAT, version: USER_DATA_VERSION, exportedAt: now, tables };
}

/** A backup that cannot be imported; nothing was changed. */
export class UserDataError extends Error {
  constructor(message: string) {
    super(`${message} Nothing was imported; your data is unchanged.`);
    this.name = 'UserDataError';
  }
}

/** Checks a parsed backup file against the schema and the known tables and columns. */
export function parseUserData(raw: unknown): UserData {
  const parsed = userDataSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new UserDataError(
      `This is not a DStudio user-data backup (${issue?.path.join('.') || 'file'}: ${issue?.message}).`,
    );
  }
  for (const [name, rows] of Object.entries(parsed.data.tables)) {
    const table = USER_DATA_TABLES.find((t) => t.name === name);
    if (!table) throw new UserDataError(`The backup has a table this version does not know: "${name}".`);
    for (const row of rows)
      for (const col of Object.keys(row))
        if (!table.columns.includes(col))
          throw new UserDataError(`The backup's table "${name}" has an unknown column "${col}".`);
  }
  return parsed.data;
}

/**
 * Imports a backup in one transaction: all of it or nothing. `replace` empties every
 * table first; otherwise rows merge in, the backup winning on the same key. Runs keep
 * their ids only when replacing. When merging, rows with their own numeric id are matched
 * by what they are (a run: its page and creation time; a visit: its page and time), so
 * merging one backup twice adds nothing; unmatched ones get new ids so they never collide.
 */
export function importUserData(
  db: Database,
  data: UserData,
  mode: 'merge' | 'replace',
): Record<string, number> {
  const counts: Record<string, number> = {};
  const apply = db.transaction(() => {
    if (mode === 'replace')
      for (const t of [...USER_DATA_TABLES].reverse()) db.prepare(`DELETE FROM "${t.name}"`).run();
    const runIds = new Map<number, number>();
    const sameRun = db.prepare('SELECT id FROM progress_runs WHERE page_id = ? AND created_at = ?').pluck();
    const sameVisit = db.prepare('SELECT id FROM history WHERE page_id = ? AND visited_at = ?').pluck();
    const updateRun = db.prepare(
      `UPDATE progress_runs SET name = @name, archived = @archived, deleted_at = @deleted_at, updated_at = @updated_at
       WHERE id = @id`,
    );
    const sameRow = (table: string, row: Record<string, unknown>): number | undefined =>
      (table === 'progress_runs' ? sameRun : sameVisit).get(
        row.page_id,
        table === 'progress_runs' ? row.created_at : row.visited_at,
      ) as number | undefined;
    for (const t of USER_DATA_TABLES) {
      const rows = data.tables[t.name] ?? [];
      // Merged rows with their own numeric id (history, runs) get a new one.
      const fresh = mode === 'merge' && (t.name === 'history' || t.name === 'progress_runs');
      const cols = t.columns.filter((c) => !(fresh && c === 'id'));
      const insert = db.prepare(
        `INSERT OR REPLACE INTO "${t.name}" (${cols.map((c) => `"${c}"`).join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`,
      );
      for (const row of rows) {
        const same = fresh ? sameRow(t.name, row) : undefined;
        if (same !== undefined) {
          if (t.name === 'progress_runs') {
            updateRun.run({ ...row, id: same });
            runIds.set(row.id as number, same);
          }
          continue;
        }
        const values = cols.map((c) =>
          c === 'run_id' && runIds.has(row[c] as number) ? runIds.get(row[c] as number)! : (row[c] ?? null),
        );
        const id = Number(insert.run(...values).lastInsertRowid);
        if (t.name === 'progress_runs') runIds.set(row.id as number, fresh ? id : (row.id as number));
      }
      counts[t.name] = rows.length;
    }
  });
  try {
    apply();
  } catch (e) {
    throw new UserDataError(`The backup could not be applied: ${(e as Error).message}.`);
  }
  return counts;
}
