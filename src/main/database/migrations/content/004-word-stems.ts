import type { Migration } from '../../migrator';

export const m004: Migration = {
  version: 4,
  why:
    'Word stems in the vocabulary: search marks the words it matched from the forms of their stems, read by ' +
    'index, instead of stemming section text at query time. Filled by the next index build (search-index.ts).',
  up(db) {
    db.exec(`
      -- The word's Porter stem as the main index's tokenizer makes it; NULL until the index is rebuilt.
      ALTER TABLE search_terms ADD COLUMN stem TEXT;
      CREATE INDEX search_terms_stem ON search_terms (stem);
    `);
  },
};
