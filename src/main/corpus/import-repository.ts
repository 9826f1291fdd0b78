import type { Database } from 'better-sqlite3';
import { deflateRawSync } from 'node:zlib';
import { prepareAll, type Statements } from '../database/prepare-all';
import type { ImportWarning, NavNode, PageId, SkippedFile } from '../../shared/domain';
import { sectionId, sectionRange, SECTION_BITS } from '../database/section-keys';
import type { ParsedFile, ParsedPage } from './parse-file';

export interface StoredLink {
  pageId: PageId;
  pageNo: number;
  ord: number;
  href: string;
  path: string;
  targetId: PageId | null;
  anchor: string | null;
  broken: number;
  candidate: PageId | null;
  asset: number;
}

/** Warning kinds derived from the whole corpus rather than from one file. */
const CORPUS_WIDE = "('duplicate-title', 'nav-missing-file', 'redirect-unresolved')";

/** Every statement the importer runs against content.db. */
const IMPORT_SQL = {
  files: 'SELECT path, blob_sha AS sha, kind FROM files',
  upsertFile: 'INSERT OR REPLACE INTO files (path, blob_sha, kind, reason) VALUES (?, ?, ?, ?)',
  deleteFile: 'DELETE FROM files WHERE path = ?',
  // Sections have no foreign key (see section-keys.ts): removed with their page, by range.
  deleteSections: 'DELETE FROM sections WHERE id BETWEEN ? AND ?',
  pageNoAt: 'SELECT no FROM pages WHERE path = ?',
  deletePage: 'DELETE FROM pages WHERE path = ?',
  deleteAlias: 'DELETE FROM aliases WHERE path = ?',
  deleteWarnings: `DELETE FROM warnings WHERE path = ? AND kind NOT IN ${CORPUS_WIDE}`,
  insertPage: `INSERT INTO pages (id, path, blob_sha, title, description, tier, tier_raw, status, relevance, type, category,
      difficulty, introduced_year, is_template, meta_json, front_matter_raw, html, word_count, reading_minutes)
      VALUES (@id, @path, @blobSha, @title, @description, @tier, @tierRaw, @status, @relevance, @type, @category,
      @difficulty, @introducedYear, @isTemplate, @metaJson, @frontMatterRaw, @html, @wordCount, @readingMinutes)`,
  insertSection:
    'INSERT INTO sections (id, anchor, heading, level, alt_anchors, body) VALUES (?, ?, ?, ?, ?, ?)',
  insertLink:
    'INSERT INTO links (page_no, ord, href, line, target_id, anchor, broken, candidate) VALUES (?, ?, ?, ?, NULL, NULL, 0, NULL)',
  insertChecklist:
    'INSERT INTO checklists (page_id, ord, section_slug, section_title, source) VALUES (?, ?, ?, ?, ?)',
  insertItem:
    'INSERT INTO checklist_items (key, checklist_id, ord, text, author_checked, line, group_name) VALUES (?, ?, ?, ?, ?, ?, ?)',
  insertFact:
    'INSERT INTO timeline_facts (page_id, field, year, month, value, conflict) VALUES (?, ?, ?, ?, ?, ?)',
  insertWarning: 'INSERT INTO warnings (path, kind, message, line) VALUES (?, ?, ?, ?)',
  insertAlias:
    'INSERT INTO aliases (id, path, target_id, target_anchor, redirect_to) VALUES (?, ?, NULL, NULL, ?)',
  pages: 'SELECT id, path, title FROM pages',
  aliases: 'SELECT id, path, redirect_to AS redirectTo FROM aliases',
  setAlias: 'UPDATE aliases SET target_id = ?, target_anchor = ? WHERE id = ?',
  headings: `SELECT p.id AS pageId, s.anchor, coalesce(s.alt_anchors, '[]') AS altAnchors
       FROM sections s JOIN pages p ON p.no = s.id >> ${SECTION_BITS} WHERE s.heading IS NOT NULL`,
  links: `SELECT p.id AS pageId, l.page_no AS pageNo, l.ord, l.href, p.path, l.target_id AS targetId, l.anchor, l.broken,
      l.candidate, l.asset FROM links l JOIN pages p ON p.no = l.page_no`,
  setLink:
    'UPDATE links SET target_id = ?, anchor = ?, broken = ?, candidate = ?, asset = ? WHERE page_no = ? AND ord = ?',
  clearCorpusWide: `DELETE FROM warnings WHERE kind IN ${CORPUS_WIDE}`,
  duplicateTitles:
    'SELECT path, title FROM pages WHERE title IN (SELECT title FROM pages GROUP BY title HAVING count(*) > 1) ORDER BY title, path',
  setNav: 'INSERT OR REPLACE INTO nav (id, tree) VALUES (1, ?)',
  setMeta: 'INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)',
  counts: `SELECT (SELECT count(*) FROM pages) AS pages, (SELECT count(*) FROM aliases) AS aliases,
      (SELECT count(*) FROM links WHERE broken = 1) AS brokenLinks, (SELECT count(*) FROM checklist_items) AS checklistItems`,
  skipped: "SELECT path, reason FROM files WHERE kind = 'skipped' ORDER BY path",
  warnings: 'SELECT path, kind, message, line FROM warnings ORDER BY path, rowid',
  keepBlob: 'INSERT OR IGNORE INTO file_blobs (sha, bytes) VALUES (?, ?)',
  // Kept: the blobs of the current files, of mkdocs.yml and of the previous generation (revert).
  dropUnusedBlobs: `DELETE FROM file_blobs WHERE sha NOT IN (SELECT blob_sha FROM files)
    AND sha NOT IN (SELECT blob_sha FROM previous_files)
    AND sha NOT IN (SELECT value FROM meta WHERE key = 'mkdocsSha')`,
} as const;

/** Every SQL statement the importer runs against content.db. */
export class ImportRepository {
  private readonly s: Statements<typeof IMPORT_SQL>;

  constructor(db: Database) {
    this.s = prepareAll(db, IMPORT_SQL);
  }

  knownFiles(): Map<string, { sha: string; kind: string }> {
    const rows = this.s.files.all() as { path: string; sha: string; kind: string }[];
    return new Map(rows.map((r) => [r.path, { sha: r.sha, kind: r.kind }]));
  }

  /** Removes everything derived from one file (cascades to headings, sections, links, checklists, timeline). */
  forgetFile(path: string): void {
    const no = this.s.pageNoAt.pluck().get(path) as number | undefined;
    if (no !== undefined) this.s.deleteSections.run(...sectionRange(no));
    this.s.deletePage.run(path);
    this.s.deleteAlias.run(path);
    this.s.deleteWarnings.run(path);
    this.s.deleteFile.run(path);
  }

  recordFile(
    path: string,
    sha: string,
    kind: 'page' | 'alias' | 'skipped',
    reason: string | null = null,
  ): void {
    this.s.upsertFile.run(path, sha, kind, reason);
  }

  addWarnings(warnings: ImportWarning[]): void {
    for (const w of warnings) this.s.insertWarning.run(w.path, w.kind, w.message, w.line ?? null);
  }

  /** Stores one parsed file (page, alias or skip) and its warnings. */
  store(p: ParsedFile): void {
    if (p.kind === 'skipped') {
      this.recordFile(p.path, p.sha, 'skipped', p.reason);
      return;
    }
    if (p.kind === 'alias') this.s.insertAlias.run(p.id, p.path, p.redirectTo);
    else this.addPage(p);
    this.recordFile(p.path, p.sha, p.kind);
    this.addWarnings(p.warnings);
  }

  private addPage(row: ParsedPage): void {
    const m = row.meta;
    const no = Number(
      this.s.insertPage.run({
        id: row.id,
        path: row.path,
        blobSha: row.sha,
        title: row.title,
        description: m.description,
        tier: m.tier,
        tierRaw: m.tierRaw,
        status: m.status,
        relevance: m.relevance,
        type: m.type,
        category: m.category,
        difficulty: m.difficulty,
        introducedYear: m.introduced?.year ?? null,
        isTemplate: m.isTemplate ? 1 : 0,
        metaJson: JSON.stringify(m),
        frontMatterRaw: row.frontMatterRaw,
        html: row.htmlDeflated,
        wordCount: row.wordCount,
        readingMinutes: Math.max(1, Math.round(row.wordCount / 220)),
      }).lastInsertRowid,
    );
    row.sections.forEach((s, i) =>
      this.s.insertSection.run(sectionId(no, i), s.anchor, s.heading, s.level, s.altAnchors, s.body),
    );
    row.links.forEach((l, i) => this.s.insertLink.run(no, i, l.href, l.line));
    row.checklists.forEach((c, i) => {
      const listId = this.s.insertChecklist.run(
        row.id,
        i,
        c.sectionSlug,
        c.sectionTitle,
        c.source,
      ).lastInsertRowid;
      c.items.forEach((it, j) =>
        this.s.insertItem.run(it.key, listId, j, it.text, it.authorChecked ? 1 : 0, it.line, it.group),
      );
    });
    for (const f of row.facts)
      this.s.insertFact.run(f.pageId, f.field, f.year, f.month, f.value, f.conflict ? 1 : 0);
  }

  allPages(): { id: PageId; path: string; title: string }[] {
    return this.s.pages.all() as { id: PageId; path: string; title: string }[];
  }

  allAliases(): { id: PageId; path: string; redirectTo: string }[] {
    return this.s.aliases.all() as { id: PageId; path: string; redirectTo: string }[];
  }

  setAliasTarget(id: PageId, target: PageId | null, anchor: string | null): void {
    this.s.setAlias.run(target, anchor, id);
  }

  allAnchors(): { pageId: PageId; anchor: string; altAnchors: string }[] {
    return this.s.headings.all() as { pageId: PageId; anchor: string; altAnchors: string }[];
  }

  allLinks(): StoredLink[] {
    return this.s.links.all() as StoredLink[];
  }

  setLinkResolution(
    pageNo: number,
    ord: number,
    r: {
      targetId: PageId | null;
      anchor: string | null;
      broken: boolean;
      candidate: PageId | null;
      asset: boolean;
    },
  ): void {
    this.s.setLink.run(r.targetId, r.anchor, r.broken ? 1 : 0, r.candidate, r.asset ? 1 : 0, pageNo, ord);
  }

  /** Drops the warnings derived from the whole corpus (they are re-derived on every import). */
  clearCorpusWideWarnings(): void {
    this.s.clearCorpusWide.run();
  }

  /** Adds a duplicate-title warning to every page sharing its title with another. */
  addDuplicateTitleWarnings(): void {
    const rows = this.s.duplicateTitles.all() as { path: string; title: string }[];
    for (const r of rows) {
      const others = rows.filter((o) => o.title === r.title && o.path !== r.path).map((o) => o.path);
      this.s.insertWarning.run(
        r.path,
        'duplicate-title',
        `title "${r.title}" is also used by ${others.join(', ')}`,
        null,
      );
    }
  }

  /** Keeps a file's raw bytes (raw-deflated) under its blob SHA. */
  keepBlob(sha: string, bytes: Uint8Array): void {
    this.s.keepBlob.run(sha, deflateRawSync(bytes));
  }

  /** Forgets the bytes no generation refers to any more. */
  dropUnusedBlobs(): void {
    this.s.dropUnusedBlobs.run();
  }

  setNav(tree: NavNode[]): void {
    this.s.setNav.run(JSON.stringify(tree));
  }

  setMeta(key: string, value: string): void {
    this.s.setMeta.run(key, value);
  }

  counts(): { pages: number; aliases: number; brokenLinks: number; checklistItems: number } {
    return this.s.counts.get() as {
      pages: number;
      aliases: number;
      brokenLinks: number;
      checklistItems: number;
    };
  }

  skipped(): SkippedFile[] {
    return this.s.skipped.all() as SkippedFile[];
  }

  warnings(): ImportWarning[] {
    return this.s.warnings.all() as ImportWarning[];
  }
}
