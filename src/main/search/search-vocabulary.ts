/**
 * The search vocabulary (search_terms and its trigram index): every unstemmed word of the
 * sections and page rows with how many rows use it, its porter stem, and how many pages use
 * it in their names. A fresh import counts the whole corpus; an update takes out the words of
 * the pages it rewrites (before they are deleted) and adds those of the pages it wrote,
 * because counting every section again was a large part of an update's time.
 */
import type { Database } from 'better-sqlite3';
import { sectionRange } from '../database/section-keys';

/** Words shorter or longer than this are not worth correcting or expanding. */
const MIN_TERM_LENGTH = 2;
const MAX_TERM_LENGTH = 40;
const WORTH_KEEPING = `length(term) BETWEEN ${MIN_TERM_LENGTH} AND ${MAX_TERM_LENGTH} AND term GLOB '*[^0-9]*'`;

/**
 * Counts the words of pages `nos` (every page when null) into temp.search_vocab_terms
 * (term, doc = rows using it): a throwaway contentless FTS5 index (unicode61 like the main
 * index, without porter) read back through fts5vocab, so the tokenizing runs in C.
 */
function countWords(db: Database, nos: readonly number[] | null): void {
  db.exec(`
    DROP TABLE IF EXISTS temp.search_vocab_terms;
    DROP TABLE IF EXISTS temp.search_vocab;
    CREATE VIRTUAL TABLE temp.search_vocab USING fts5(
      text, content = '', detail = 'none', columnsize = 0, tokenize = 'unicode61 remove_diacritics 2');
    INSERT INTO temp.search_vocab (search_vocab, rank) VALUES ('hashsize', 8388608);
  `);
  const sections = `INSERT INTO temp.search_vocab (rowid, text)
    SELECT id, coalesce(heading, '') || ' ' || section_text(body) FROM sections`;
  // Page rows get rowids above every section's: a smaller rowid would make FTS5 flush its pending terms mid-build.
  const pageRows = `INSERT INTO temp.search_vocab (rowid, text)
    SELECT 1000000000000 + no, title || ' ' || tags || ' ' || description FROM search_pages`;
  if (nos === null) db.exec(`${sections}; ${pageRows};`);
  else {
    const addSections = db.prepare(`${sections} WHERE id BETWEEN ? AND ?`);
    const addPageRow = db.prepare(`${pageRows} WHERE no = ?`);
    for (const no of nos) addSections.run(...sectionRange(no));
    for (const no of nos) addPageRow.run(no);
  }
  db.exec(`CREATE VIRTUAL TABLE temp.search_vocab_terms USING fts5vocab(temp, search_vocab, row);`);
}

function dropCounts(db: Database): void {
  db.exec('DROP TABLE temp.search_vocab_terms; DROP TABLE temp.search_vocab;');
}

/**
 * Call inside the import transaction while pages `nos` still have their sections and
 * search_pages rows: takes their words' uses out of the counts (words left unused go at the
 * next buildVocabulary).
 */
export function uncountPages(db: Database, nos: readonly number[]): void {
  if (nos.length === 0) return;
  countWords(db, nos);
  db.exec(
    `UPDATE search_terms SET freq = freq - v.doc FROM temp.search_vocab_terms v WHERE v.term = search_terms.term`,
  );
  dropCounts(db);
}

/**
 * Counts the words of pages `added` into the vocabulary (the whole corpus afresh when null),
 * drops the words no row uses any more, and gives the new words their stems, trigram rows and
 * every word its count of pages naming it (search_about, which is rewritten whole before).
 */
export function buildVocabulary(db: Database, added: readonly number[] | null): void {
  if (added === null)
    db.exec(
      `DELETE FROM search_terms; INSERT INTO search_terms_tri (search_terms_tri) VALUES ('delete-all');`,
    );
  // Rowids of new words are above every existing one: that is how the steps below find them.
  const newAbove = db.prepare('SELECT coalesce(max(id), 0) FROM search_terms').pluck(true).get() as number;
  countWords(db, added);
  db.exec(`
    INSERT INTO search_terms (term, freq)
      SELECT term, doc FROM temp.search_vocab_terms WHERE ${WORTH_KEEPING} ORDER BY term
      ON CONFLICT (term) DO UPDATE SET freq = freq + excluded.freq;
    -- An external-content FTS5 row is deleted by the values it indexed, before the word goes.
    INSERT INTO search_terms_tri (search_terms_tri, rowid, term)
      SELECT 'delete', id, term FROM search_terms WHERE freq <= 0;
    DELETE FROM search_terms WHERE freq <= 0;
  `);
  dropCounts(db);
  db.exec(`
    -- Filled row by row rather than by 'rebuild', which was ten times slower here.
    INSERT INTO search_terms_tri (rowid, term) SELECT id, term FROM search_terms WHERE id > ${newAbove};
    -- Each new word's stem as sections_fts's tokenizer makes it (so marking matched words agrees with
    -- matching them): one word per row of a throwaway porter index, read back through
    -- fts5vocab, whose instance rows give each row's (here: each word's) one token.
    DROP TABLE IF EXISTS temp.search_stems_terms;
    DROP TABLE IF EXISTS temp.search_stems;
    CREATE VIRTUAL TABLE temp.search_stems USING fts5(
      term, content = '', tokenize = 'porter unicode61 remove_diacritics 2');
    INSERT INTO temp.search_stems (rowid, term) SELECT id, term FROM search_terms WHERE id > ${newAbove};
    CREATE VIRTUAL TABLE temp.search_stems_terms USING fts5vocab(temp, search_stems, instance);
    UPDATE search_terms SET stem = v.term FROM temp.search_stems_terms v WHERE v.doc = search_terms.id;
    DROP TABLE temp.search_stems_terms;
    DROP TABLE temp.search_stems;
    -- How many pages use each word in their names (unstemmed, as the vocabulary is).
    DROP TABLE IF EXISTS temp.search_names_terms;
    DROP TABLE IF EXISTS temp.search_names;
    CREATE VIRTUAL TABLE temp.search_names USING fts5(
      names, content = '', detail = 'none', columnsize = 0, tokenize = 'unicode61 remove_diacritics 2');
    INSERT INTO temp.search_names (rowid, names) SELECT rowid, names FROM search_about;
    CREATE VIRTUAL TABLE temp.search_names_terms USING fts5vocab(temp, search_names, row);
    UPDATE search_terms SET name_freq = 0 WHERE name_freq <> 0;
    UPDATE search_terms SET name_freq = v.doc FROM temp.search_names_terms v WHERE v.term = search_terms.term;
    DROP TABLE temp.search_names_terms;
    DROP TABLE temp.search_names;
  `);
}
