import type { Database } from 'better-sqlite3';
import MiniSearch from 'minisearch';
import { normaliseKey, tokenize } from './fts-query';
import { GENERATION_BLOB, type TitleKeyKind } from './search-repository';
import { QUICK_SWITCH_BLOB, quickSwitchOptions, type QuickSwitchDoc } from './quick-switch';


/** Words shorter than this are not worth correcting or expanding. */
const MIN_TERM_LENGTH = 2;
const MAX_TERM_LENGTH = 40;
/** Headings deeper than this stay out of the quick switcher (they would triple its size for little use). */
const QUICK_SWITCH_MAX_LEVEL = 3;

interface PageRow {
  id: string;
  title: string;
  meta_json: string;
}

/** Turns a file or alias id's last segment into words (`two-phase-commit` → `two phase commit`). */
function nameOfId(id: string): string {
  const parts = id.split('/');
  const last = parts.at(-1) === 'index' && parts.length > 1 ? parts.at(-2)! : parts.at(-1)!;
  return normaliseKey(last);
}

/** Strings that name a page exactly: its title in a few spellings and its file name, with how strongly each names it. */
export function titleKeys(title: string, id: string): { key: string; kind: TitleKeyKind }[] {
  const withoutParens = title.replace(/\([^)]*\)/g, ' ');
  const keys: { key: string; kind: TitleKeyKind }[] = [
    { key: normaliseKey(title), kind: 'title' },
    { key: normaliseKey(withoutParens), kind: 'title' },
    // "Rate Limiting Pattern" is what "rate limiting" asks for.
    { key: normaliseKey(withoutParens.replace(/\s+pattern\s*$/i, '')), kind: 'title' },
  ];
  for (const m of title.matchAll(/\(([^)]{1,40})\)/g)) keys.push({ key: normaliseKey(m[1]!), kind: 'abbreviation' });
  // "Circuit Breaker: Fail Fast" and "Rate Limiting - Elite Engineering" are named by their head too, less strongly.
  const head = withoutParens.split(/\s[-–—:|]\s|:\s/)[0]!;
  keys.push({ key: normaliseKey(head), kind: 'head' });
  keys.push({ key: nameOfId(id), kind: 'file' });
  return keys.filter((k) => k.key !== '');
}

function tagsOf(metaJson: string): string[] {
  try {
    const tags = (JSON.parse(metaJson) as { tags?: unknown }).tags;
    return Array.isArray(tags) ? tags.filter((t): t is string => typeof t === 'string') : [];
  } catch {
    return [];
  }
}

/**
 * (Re)builds every search structure from the content tables (pages, aliases, headings,
 * sections): the FTS5 index, the title keys, the vocabulary with its trigram index and
 * the serialised quick-switcher index. The importer calls it inside its import
 * transaction after writing pages and sections; it is idempotent.
 */
export function buildSearchIndex(db: Database): void {
  const run = db.transaction(() => {
    // External content: the index is rebuilt from the search_source view in one pass.
    db.prepare(`INSERT INTO sections_fts (sections_fts) VALUES ('rebuild')`).run();
    db.prepare(`INSERT INTO sections_fts (sections_fts) VALUES ('optimize')`).run();

    const pages = db.prepare('SELECT id, title, meta_json FROM pages').all() as PageRow[];
    const aliases = db
      .prepare('SELECT a.id, a.target_id AS targetId, a.target_anchor AS anchor FROM aliases a JOIN pages p ON p.id = a.target_id')
      .all() as { id: string; targetId: string; anchor: string | null }[];

    // Title keys.
    db.prepare('DELETE FROM search_titles').run();
    const insertTitle = db.prepare('INSERT OR IGNORE INTO search_titles (key, page_id, kind) VALUES (?, ?, ?)');
    for (const p of pages) for (const k of titleKeys(p.title, p.id)) insertTitle.run(k.key, p.id, k.kind);
    for (const a of aliases) {
      const key = nameOfId(a.id);
      if (key) insertTitle.run(key, a.targetId, 'alias');
    }

    // Vocabulary: unstemmed words with how often they occur.
    const freq = new Map<string, number>();
    const count = (text: string | null): void => {
      if (!text) return;
      for (const t of tokenize(text)) {
        if (t.length < MIN_TERM_LENGTH || t.length > MAX_TERM_LENGTH || /^\p{N}+$/u.test(t)) continue;
        freq.set(t, (freq.get(t) ?? 0) + 1);
      }
    };
    for (const p of pages) {
      count(p.title);
      for (const tag of tagsOf(p.meta_json)) count(tag);
    }
    for (const s of db.prepare('SELECT heading, body FROM sections').iterate() as IterableIterator<{ heading: string | null; body: string }>) {
      count(s.heading);
      count(s.body);
    }
    db.prepare('DELETE FROM search_terms').run();
    const insertTerm = db.prepare('INSERT INTO search_terms (term, freq) VALUES (?, ?)');
    for (const [term, f] of freq) insertTerm.run(term, f);
    db.prepare(`INSERT INTO search_terms_tri (search_terms_tri) VALUES ('rebuild')`).run();

    // Quick switcher: titles, aliases, headings and tags, serialised for lazy loading.
    const docs: QuickSwitchDoc[] = [];
    for (const p of pages) {
      docs.push({ id: docs.length, p: p.id, k: 'title', l: p.title, a: null });
      for (const tag of new Set(tagsOf(p.meta_json))) docs.push({ id: docs.length, p: p.id, k: 'tag', l: tag, a: null });
    }
    for (const a of aliases) {
      const label = nameOfId(a.id);
      if (label) docs.push({ id: docs.length, p: a.targetId, k: 'alias', l: label, a: a.anchor });
    }
    const headings = db
      .prepare('SELECT page_id AS pageId, text, anchor FROM headings WHERE level BETWEEN 2 AND ? ORDER BY page_id, ord')
      .all(QUICK_SWITCH_MAX_LEVEL) as { pageId: string; text: string; anchor: string }[];
    for (const h of headings) docs.push({ id: docs.length, p: h.pageId, k: 'heading', l: h.text, a: h.anchor });
    const mini = new MiniSearch<QuickSwitchDoc>(quickSwitchOptions);
    mini.addAll(docs);
    const upsertBlob = db.prepare('INSERT INTO search_blobs (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value');
    upsertBlob.run(QUICK_SWITCH_BLOB, JSON.stringify(mini));
    upsertBlob.run(GENERATION_BLOB, `${Date.now()}-${Math.random().toString(36).slice(2)}`);
  });
  run();
}

export { SearchService } from './search-service';
