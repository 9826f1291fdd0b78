import type { Database } from 'better-sqlite3';
import { resolve } from 'node:path';
import { openContentDb } from '../database/connection';
import { requireString } from './command';

/**
 * Opens the `--db` content database read-only for the read commands (pages, page, search,
 * timeline, lineage, report), runs `use` on it and closes it whatever happens.
 */
export async function withContentDb<T>(
  values: Record<string, unknown>,
  use: (db: Database, file: string) => Promise<T> | T,
): Promise<T> {
  const file = resolve(requireString(values, 'db'));
  const db = openContentDb(file, { readonly: true });
  try {
    return await use(db, file);
  } finally {
    db.close();
  }
}

/** Each row cut down to the named fields, in that order: the stable `--json` shape of a listing. */
export function pickFields<T extends object, K extends keyof T>(
  rows: readonly T[],
  keys: readonly K[],
): Pick<T, K>[] {
  return rows.map((row) => {
    const out = {} as Pick<T, K>;
    for (const k of keys) out[k] = row[k];
    return out;
  });
}
