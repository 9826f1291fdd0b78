import type { Migration } from '../../migrator';

export const m010: Migration = {
  version: 10,
  why:
    "An update re-mines the thesaurus acronyms of only the pages it rewrote: the pairs each page's sections " +
    'give are kept by page. Filled by the next index build.',
  up(db) {
    db.exec(`
      -- "Expansion (ACR)" pairs (normalised, thesaurus.ts acronymPairs) found in a page's section texts.
      CREATE TABLE search_acronyms (
        page_id TEXT NOT NULL,
        acronym TEXT NOT NULL,
        expansion TEXT NOT NULL
      );
      CREATE INDEX search_acronyms_page ON search_acronyms (page_id);
    `);
  },
};
