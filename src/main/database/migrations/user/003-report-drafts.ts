import type { Migration } from '../../migrator';

export const m003: Migration = {
  version: 3,
  why: 'Report drafts (contribution templates): the values the user typed, as JSON, keyed by a random id.',
  up(db) {
    db.exec(`
      CREATE TABLE report_drafts (
        id TEXT PRIMARY KEY,
        template_id TEXT NOT NULL,
        template_version INTEGER NOT NULL,
        page_id TEXT,
        name TEXT NOT NULL,
        values_json TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX report_drafts_updated ON report_drafts (updated_at DESC);
    `);
  },
};
