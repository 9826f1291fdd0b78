import type { Database } from 'better-sqlite3';

/** One numbered schema change. Never edited once shipped: add a new one instead. */
export interface Migration {
  version: number;
  /** One line: why this migration exists. */
  why: string;
  up(db: Database): void;
}

export class DatabaseTooNewError extends Error {
  constructor(file: string, found: number, known: number) {
    super(
      `${file} was written by a newer DStudio (schema ${found}, this version knows up to ${known}). ` +
        'Update DStudio Desktop, or point it at another database file.',
    );
    this.name = 'DatabaseTooNewError';
  }
}

/**
 * Applies pending migrations, each in its own transaction, setting `user_version`
 * as it goes. Refuses a database newer than the code.
 */
export function migrate(db: Database, migrations: readonly Migration[], label: string): number {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1)
      throw new Error(`Migration list for ${label} must be numbered 1..n (found ${m.version} at ${i + 1})`);
  });
  const current = db.pragma('user_version', { simple: true }) as number;
  const latest = migrations.length;
  if (current > latest) throw new DatabaseTooNewError(label, current, latest);
  for (const m of migrations.slice(current)) {
    db.transaction(() => {
      m.up(db);
      // PRAGMA takes no bound parameters; the version is an integer we control.
      db.pragma(`user_version = ${m.version}`);
    })();
  }
  return latest;
}
