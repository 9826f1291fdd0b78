import type { Migration } from '../../migrator';

export const m002: Migration = {
  version: 2,
  why: 'Search: an FTS5 index over sections (external content, text stored once), title keys, vocabulary and the quick-switcher index.',
  up(db) {
    db.exec(`
      -- What the FTS index sees for each section. A view, so the index is external-content
      -- and the text lives only in sections/pages. The page title and tags are repeated in
      -- every section so a query mixing title words and section words still matches one row;
      -- the description only in the lead section (ord 0).
      CREATE VIEW search_source AS
        SELECT s.id AS id,
               p.title AS title,
               coalesce(s.heading, '') AS heading,
               -- the tags' JSON array text as is: the tokenizer skips brackets, quotes and commas
               -- (json_each cannot be used: FTS5 reads the view schema-qualified, which breaks table-valued functions)
               coalesce(CASE WHEN json_valid(p.meta_json) THEN json_extract(p.meta_json, '$.tags') END, '')
                 || CASE WHEN s.ord = 0 THEN ' ' || coalesce(p.description, '') ELSE '' END AS keywords,
               s.body AS body
        FROM sections s JOIN pages p ON p.id = s.page_id;

      -- porter for recall on inflections; prefixes go through search_terms (porter stems a
      -- prefix query term, so "consistenc*" would miss "consistency").
      CREATE VIRTUAL TABLE sections_fts USING fts5(
        title, heading, keywords, body,
        content = 'search_source', content_rowid = 'id',
        tokenize = 'porter unicode61 remove_diacritics 2'
      );

      -- The default rank is bm25 with title and headings weighted above tags/description and body.
      INSERT INTO sections_fts (sections_fts, rank) VALUES ('rank', 'bm25(10.0, 5.0, 2.0, 1.0)');

      -- Normalised strings that name a page (title, title without its parenthesis, the
      -- abbreviation in it, alias and file names): an exact match ranks that page first.
      CREATE TABLE search_titles (
        key TEXT NOT NULL,
        page_id TEXT NOT NULL,
        kind TEXT NOT NULL,
        PRIMARY KEY (key, page_id)
      ) WITHOUT ROWID;

      -- The corpus vocabulary (unstemmed words with frequencies): prefix expansion and typo correction.
      CREATE TABLE search_terms (id INTEGER PRIMARY KEY, term TEXT NOT NULL UNIQUE, freq INTEGER NOT NULL);
      -- Trigrams of the vocabulary: candidate words for a misspelling without loading the vocabulary into memory.
      CREATE VIRTUAL TABLE search_terms_tri USING fts5(
        term, content = 'search_terms', content_rowid = 'id', tokenize = 'trigram', detail = 'none'
      );

      -- Serialised indexes built at import and loaded lazily (the quick switcher's minisearch).
      CREATE TABLE search_blobs (name TEXT PRIMARY KEY, value TEXT NOT NULL);
    `);
  },
};
