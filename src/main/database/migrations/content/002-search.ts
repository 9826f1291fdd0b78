import type { Migration } from '../../migrator';

export const m002: Migration = {
  version: 2,
  why: 'Search: an FTS5 index over sections (external content, text stored once), title keys, vocabulary and the quick-switcher index.',
  up(db) {
    db.exec(`
      -- What the FTS index needs of each page, in a table of its own (rebuilt with the index):
      -- the tags and description the keywords column reads (extracting the tags from
      -- meta_json once per section made the build parse that JSON 22,000 times). no numbers
      -- the pages for the service's in-memory section → page map.
      CREATE TABLE search_pages (
        no INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        title TEXT NOT NULL,
        tags TEXT NOT NULL, -- JSON array: the tokenizer skips its brackets, quotes and commas
        description TEXT NOT NULL
      );

      -- What the FTS index sees for each section. A view, so the index is external-content
      -- and the text lives only in sections (and search_pages). The page title and tags are
      -- repeated in every section so a query mixing title words and section words still
      -- matches one row; the description only in the lead section (ord 0).
      CREATE VIEW search_source AS
        SELECT s.id AS id,
               sp.title AS title,
               coalesce(s.heading, '') AS heading,
               CASE WHEN s.ord = 0 THEN sp.tags || ' ' || sp.description ELSE sp.tags END AS keywords,
               section_text(s.body) AS body
        FROM sections s JOIN search_pages sp ON sp.id = s.page_id;

      -- porter for recall on inflections; prefixes go through search_terms (porter stems a
      -- prefix query term, so "consistenc*" would miss "consistency"). detail=full (the
      -- default) keeps phrases and snippets working; column sizes stay for bm25.
      CREATE VIRTUAL TABLE sections_fts USING fts5(
        title, heading, keywords, body,
        content = 'search_source', content_rowid = 'id',
        tokenize = 'porter unicode61 remove_diacritics 2'
      );

      -- The default rank is bm25 with title and headings weighted above tags/description and body.
      INSERT INTO sections_fts (sections_fts, rank) VALUES ('rank', 'bm25(10.0, 5.0, 2.0, 1.0)');
      -- Pending terms held in memory before a flush while the index is built: 8 MB instead of
      -- 1 MB writes fewer segments to merge (the rebuild is ~10% faster).
      INSERT INTO sections_fts (sections_fts, rank) VALUES ('hashsize', 8388608);

      -- Normalised strings that name a page (title, title without its parenthesis, the
      -- abbreviation in it, alias and file names): an exact match ranks that page first.
      CREATE TABLE search_titles (
        key TEXT NOT NULL,
        page_id TEXT NOT NULL,
        kind TEXT NOT NULL,
        PRIMARY KEY (key, page_id)
      ) WITHOUT ROWID;

      -- The corpus vocabulary (unstemmed words; freq = how many sections use them): prefix
      -- expansion and typo correction. ids follow the words' order.
      CREATE TABLE search_terms (id INTEGER PRIMARY KEY, term TEXT NOT NULL UNIQUE, freq INTEGER NOT NULL);
      -- Trigrams of the vocabulary: candidate words for a misspelling without loading the
      -- vocabulary into memory. Never ranked, so no column sizes (columnsize=0).
      CREATE VIRTUAL TABLE search_terms_tri USING fts5(
        term, content = 'search_terms', content_rowid = 'id', tokenize = 'trigram', detail = 'none', columnsize = 0
      );

      -- Small serialised structures built at import, each read in one go: the generation mark,
      -- the pages' facet columns and the section → page map (what the service loads when it
      -- opens: a scan of pages would read every page's HTML), and the quick switcher's entries.
      CREATE TABLE search_blobs (name TEXT PRIMARY KEY, value BLOB NOT NULL);
    `);
  },
};
