import type { Migration } from '../../migrator';

export const m005: Migration = {
  version: 5,
  why:
    'Search ranks by what a page is about: a small FTS5 index of every page by its names (title, redirects, tags) and ' +
    'summary, and how many pages use each word in their names (a partial last word completes to those). Filled by the next index build.',
  up(db) {
    db.exec(`
      -- One row per page (rowid = page number): its names and its summary, stemmed as sections_fts
      -- is, so that a query word matches here exactly when it matches there.
      CREATE VIRTUAL TABLE search_about USING fts5(
        names, summary, tokenize = 'porter unicode61 remove_diacritics 2'
      );
      -- How many pages use the word in their names (0 until the index is rebuilt).
      ALTER TABLE search_terms ADD COLUMN name_freq INTEGER NOT NULL DEFAULT 0;
    `);
  },
};
