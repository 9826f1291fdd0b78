import type { Migration } from '../../migrator';

export const m001: Migration = {
  version: 1,
  why: 'Initial content schema: pages, aliases, sections (with headings), links, checklists, timeline, nav, import bookkeeping.',
  up(db) {
    db.exec(`
      -- key/value facts about the loaded content: source, commit, tree, importedAt
      CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

      -- every file under docs/ that the importer saw, with its git blob SHA, so unchanged files are skipped
      CREATE TABLE files (
        path TEXT PRIMARY KEY,
        blob_sha TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('page', 'alias', 'skipped')),
        reason TEXT
      );

      CREATE TABLE pages (
        id TEXT PRIMARY KEY,
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

      CREATE TABLE aliases (
        id TEXT PRIMARY KEY,
        path TEXT NOT NULL UNIQUE,
        target_id TEXT,
        target_anchor TEXT,
        redirect_to TEXT NOT NULL
      );

      -- A page split at its headings: the search unit, and the page's headings (every
      -- section but the lead one starts at a heading, so headings need no table of their own).
      CREATE TABLE sections (
        id INTEGER PRIMARY KEY,
        page_id TEXT NOT NULL REFERENCES pages (id) ON DELETE CASCADE,
        ord INTEGER NOT NULL,
        anchor TEXT,
        heading TEXT,
        level INTEGER NOT NULL,
        alt_anchors TEXT, -- JSON array of other spellings of the anchor (GitHub style), NULL when none
        -- Plain text, raw-deflated by the importer (it is a quarter of the database otherwise);
        -- read it through section_text(body), which also passes plain TEXT through unchanged.
        body BLOB NOT NULL
      );
      CREATE INDEX sections_page ON sections (page_id, ord);

      CREATE TABLE links (
        page_id TEXT NOT NULL REFERENCES pages (id) ON DELETE CASCADE,
        ord INTEGER NOT NULL,
        href TEXT NOT NULL,
        line INTEGER NOT NULL,
        target_id TEXT,
        anchor TEXT,
        broken INTEGER NOT NULL,
        candidate TEXT,
        asset INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (page_id, ord)
      ) WITHOUT ROWID;

      CREATE TABLE checklists (
        id INTEGER PRIMARY KEY,
        page_id TEXT NOT NULL REFERENCES pages (id) ON DELETE CASCADE,
        ord INTEGER NOT NULL,
        section_slug TEXT NOT NULL,
        section_title TEXT NOT NULL,
        source TEXT NOT NULL
      );
      CREATE INDEX checklists_page ON checklists (page_id, ord);

      CREATE TABLE checklist_items (
        key TEXT NOT NULL,
        checklist_id INTEGER NOT NULL REFERENCES checklists (id) ON DELETE CASCADE,
        ord INTEGER NOT NULL,
        text TEXT NOT NULL,
        author_checked INTEGER NOT NULL,
        line INTEGER,
        PRIMARY KEY (checklist_id, ord)
      ) WITHOUT ROWID;

      CREATE TABLE timeline_facts (
        page_id TEXT NOT NULL REFERENCES pages (id) ON DELETE CASCADE,
        field TEXT NOT NULL,
        year INTEGER NOT NULL,
        month INTEGER,
        value TEXT NOT NULL,
        conflict INTEGER NOT NULL DEFAULT 0
      );
      CREATE INDEX timeline_year ON timeline_facts (year);

      CREATE TABLE warnings (
        path TEXT NOT NULL,
        kind TEXT NOT NULL,
        message TEXT NOT NULL,
        line INTEGER
      );
      CREATE INDEX warnings_path ON warnings (path);

      -- the navigation tree, as JSON (read whole, written whole)
      CREATE TABLE nav (id INTEGER PRIMARY KEY CHECK (id = 1), tree TEXT NOT NULL);
    `);
  },
};
