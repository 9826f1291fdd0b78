import type { Migration } from '../../migrator';
import { SECTION_BITS } from '../../section-keys';

export const m003: Migration = {
  version: 3,
  why:
    'Integer page keys: pages are numbered, a section id encodes its page (see section-keys.ts) and links key on the ' +
    'page number; content.db loses ~3 MB of repeated page ids and the sections → page index. content.db is derived, ' +
    'so the changed tables are recreated empty and the import bookkeeping cleared: the next import rebuilds everything.',
  up(db) {
    db.exec(`
      -- Dependants first: the FTS index and its view read sections; search_pages numbers follow pages now.
      DROP VIEW search_source;
      DROP TABLE sections_fts;
      DROP TABLE links;
      DROP TABLE sections;
      -- Implicitly deletes the pages' checklists and timeline facts (ON DELETE CASCADE).
      DROP TABLE pages;
      DELETE FROM aliases;
      DELETE FROM warnings;
      DELETE FROM files;
      DELETE FROM nav;
      DELETE FROM search_pages;
      DELETE FROM search_titles;
      DELETE FROM search_terms;
      INSERT INTO search_terms_tri (search_terms_tri) VALUES ('delete-all');
      DELETE FROM search_blobs;

      CREATE TABLE pages (
        no INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        path TEXT NOT NULL UNIQUE,
        blob_sha TEXT NOT NULL,
        title TEXT NOT NULL,
        description TEXT,
        tier TEXT CHECK (tier IN ('gold', 'silver', 'bronze')),
        tier_raw TEXT,
        status TEXT,
        relevance TEXT,
        type TEXT,
        category TEXT,
        difficulty TEXT,
        introduced_year INTEGER,
        is_template INTEGER NOT NULL DEFAULT 0,
        meta_json TEXT NOT NULL,
        front_matter_raw TEXT,
        -- rendered HTML, raw-deflated (HTML is most of the database). Links keep data-link="n";
        -- the reader rewrites them from the links table, so a change elsewhere never re-renders a page.
        html BLOB NOT NULL,
        word_count INTEGER NOT NULL,
        reading_minutes INTEGER NOT NULL
      );
      CREATE INDEX pages_tier ON pages (tier);
      CREATE INDEX pages_type ON pages (type);

      -- A page split at its headings (the search unit, and the page's headings). id = page no
      -- << ${SECTION_BITS} | ord: a page's sections are one rowid range, deleted by the importer
      -- with its page (no foreign key: it would need the index this layout saves).
      CREATE TABLE sections (
        id INTEGER PRIMARY KEY,
        anchor TEXT,
        heading TEXT,
        level INTEGER NOT NULL,
        alt_anchors TEXT, -- JSON array of other spellings of the anchor (GitHub style), NULL when none
        -- Plain text, raw-deflated by the importer when long; read it through section_text(body),
        -- which passes plain TEXT through unchanged.
        body BLOB NOT NULL
      );

      CREATE TABLE links (
        page_no INTEGER NOT NULL REFERENCES pages (no) ON DELETE CASCADE,
        ord INTEGER NOT NULL,
        href TEXT NOT NULL,
        line INTEGER NOT NULL,
        target_id TEXT,
        anchor TEXT,
        broken INTEGER NOT NULL,
        candidate TEXT,
        asset INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (page_no, ord)
      ) WITHOUT ROWID;

      -- As in migration 002, with search_pages.no = pages.no, so a section's page is its id's high bits.
      CREATE VIEW search_source AS
        SELECT s.id AS id,
               sp.title AS title,
               coalesce(s.heading, '') AS heading,
               CASE WHEN s.id & ${(1 << SECTION_BITS) - 1} = 0 THEN sp.tags || ' ' || sp.description ELSE sp.tags END AS keywords,
               section_text(s.body) AS body
        FROM sections s JOIN search_pages sp ON sp.no = s.id >> ${SECTION_BITS};
      CREATE VIRTUAL TABLE sections_fts USING fts5(
        title, heading, keywords, body,
        content = 'search_source', content_rowid = 'id',
        tokenize = 'porter unicode61 remove_diacritics 2'
      );
      INSERT INTO sections_fts (sections_fts, rank) VALUES ('rank', 'bm25(10.0, 5.0, 2.0, 1.0)');
      INSERT INTO sections_fts (sections_fts, rank) VALUES ('hashsize', 8388608);
    `);
  },
};
