import type { Migration } from '../../migrator';

export const m002: Migration = {
  version: 2,
  why: 'Checklist progress: runs of a playbook and the state, note and time of each item, keyed by item key plus the text and section seen.',
  up(db) {
    db.exec(`
      CREATE TABLE progress_runs (
        id INTEGER PRIMARY KEY,
        page_id TEXT NOT NULL,
        name TEXT NOT NULL,
        archived INTEGER NOT NULL DEFAULT 0,
        -- set by a delete, cleared by its undo
        deleted_at TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX progress_runs_page ON progress_runs (page_id, updated_at DESC);
      CREATE TABLE progress_items (
        run_id INTEGER NOT NULL REFERENCES progress_runs (id) ON DELETE CASCADE,
        item_key TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('todo', 'in-progress', 'blocked', 'done', 'n/a')),
        note TEXT NOT NULL DEFAULT '',
        -- what the item said, and where, when its state was set: re-matching after a content update uses them
        item_text TEXT NOT NULL,
        section_slug TEXT NOT NULL,
        match_kind TEXT NOT NULL DEFAULT 'exact' CHECK (match_kind IN ('exact', 'moved', 'edited')),
        updated_at TEXT NOT NULL,
        PRIMARY KEY (run_id, item_key)
      ) WITHOUT ROWID;
    `);
  },
};
