import type { Migration } from '../../migrator';

export const m007: Migration = {
  version: 7,
  why: 'Content updates: the raw files of the current and previous generation (revert, diffs offline) and the update reports.',
  up(db) {
    db.exec(`
      -- Raw bytes (raw-deflated) of the files of the current and the previous generation, by git blob SHA.
      CREATE TABLE file_blobs (sha TEXT PRIMARY KEY, bytes BLOB NOT NULL) WITHOUT ROWID;

      -- The file list of the generation before the last update (docs paths and mkdocs.yml): what revert restores.
      CREATE TABLE previous_files (path TEXT PRIMARY KEY, blob_sha TEXT NOT NULL) WITHOUT ROWID;

      -- One row per applied update or revert: what changed (JSON, see SyncReport).
      CREATE TABLE sync_reports (id INTEGER PRIMARY KEY, report_json TEXT NOT NULL);
    `);
  },
};
