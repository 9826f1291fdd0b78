import type { Migration } from '../../migrator';

export const m001: Migration = {
  version: 1,
  why: "Initial user schema: bookmarks, history, reading state, settings (the user's own data, keyed by page id).",
  up(db) {
    db.exec(`
      CREATE TABLE bookmarks (
        page_id TEXT PRIMARY KEY,
        anchor TEXT,
        title TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
      CREATE TABLE history (
        id INTEGER PRIMARY KEY,
        page_id TEXT NOT NULL,
        title TEXT NOT NULL,
        visited_at TEXT NOT NULL
      );
      CREATE INDEX history_visited ON history (visited_at DESC);
      CREATE TABLE reading_state (
        page_id TEXT PRIMARY KEY,
        read INTEGER NOT NULL DEFAULT 0,
        scroll_ratio REAL NOT NULL DEFAULT 0,
        updated_at TEXT NOT NULL
      );
      CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    `);
  },
};
