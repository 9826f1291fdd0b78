import type { Database, Statement } from 'better-sqlite3';

/** One prepared statement per name of a repository's `as const` SQL object. */
export type Statements<SQL extends Record<string, string>> = { readonly [Name in keyof SQL]: Statement };

/**
 * Prepares every statement of a repository's SQL object at once, so a statement with a
 * syntax error or a missing table fails when the repository is made, and a wrong name
 * at a call site is a compile error (a `Record<string, Statement>` would need a
 * non-null assertion at every use and catch neither).
 */
export function prepareAll<SQL extends Record<string, string>>(db: Database, sql: SQL): Statements<SQL> {
  const out = {} as Record<keyof SQL, Statement>;
  for (const name of Object.keys(sql) as (keyof SQL)[]) out[name] = db.prepare(sql[name]);
  return Object.freeze(out);
}
