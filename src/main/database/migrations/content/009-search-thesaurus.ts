import type { Migration } from '../../migrator';

export const m009: Migration = {
  version: 9,
  why:
    'Search adds weaker alternatives for query words the corpus itself names otherwise (acronyms, redirects, ' +
    'title subtitles, tags): a thesaurus mined from the corpus by the index build. Filled by the next index build.',
  up(db) {
    db.exec(`
      -- key and alt are normalised phrases (fts-query normaliseKey); weight 0…1 is how surely alt means key.
      CREATE TABLE search_thesaurus (
        key TEXT NOT NULL,
        alt TEXT NOT NULL,
        weight REAL NOT NULL,
        PRIMARY KEY (key, alt)
      ) WITHOUT ROWID;
    `);
  },
};
