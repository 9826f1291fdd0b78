import type { Migration } from '../../migrator';

export const m008: Migration = {
  version: 8,
  why: 'Local images of the corpus (docs/**/*.svg, png, jpg, gif, webp), served to pages offline.',
  up(db) {
    db.exec(`
      -- One row per image file under docs/: its git blob SHA (unchanged files are not rewritten), type and bytes.
      CREATE TABLE corpus_images (
        path TEXT PRIMARY KEY,
        sha TEXT NOT NULL,
        mime TEXT NOT NULL,
        bytes BLOB NOT NULL
      ) WITHOUT ROWID;
    `);
  },
};
