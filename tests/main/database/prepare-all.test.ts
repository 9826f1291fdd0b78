import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { prepareAll } from '../../../src/main/database/prepare-all';

describe('prepareAll', () => {
  it('prepares every statement by name, frozen', () => {
    const db = new Database(':memory:');
    db.exec('CREATE TABLE t (x INTEGER)');
    const s = prepareAll(db, {
      insert: 'INSERT INTO t (x) VALUES (?)',
      count: 'SELECT count(*) FROM t',
    } as const);
    s.insert.run(1);
    s.insert.run(2);
    expect(s.count.pluck().get()).toBe(2);
    expect(Object.isFrozen(s)).toBe(true);
    // @ts-expect-error a name the SQL object does not have is a compile error
    expect(s.missing).toBeUndefined();
    db.close();
  });

  it('fails when the repository is made, not at the first use, for a statement that cannot be prepared', () => {
    const db = new Database(':memory:');
    expect(() => prepareAll(db, { fine: 'SELECT 1', broken: 'SELECT * FROM no_such_table' })).toThrow(
      /no such table/,
    );
    db.close();
  });
});
