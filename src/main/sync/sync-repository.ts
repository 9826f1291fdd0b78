import type { Database } from 'better-sqlite3';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { SyncReport } from '../../shared/contract/sync';
import type { PageId, Tier } from '../../shared/domain';
import { isMigrationGuide } from '../../shared/page-kinds';
import { prepareAll, type Statements } from '../database/prepare-all';

/** What the change report compares about one file before and after an update. */
export interface FileState {
  id: PageId;
  sha: string;
  title: string;
  tier: Tier | null;
  /** A migration guide, by the one rule in shared/page-kinds. */
  guide: boolean;
  checklistItems: number;
}

/** Every SQL statement sync runs against content.db (it never opens user.db). */
const SYNC_SQL = {
  meta: 'SELECT value FROM meta WHERE key = ?',
  setMeta: 'INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)',
  files: 'SELECT path, blob_sha AS sha FROM files UNION ALL SELECT path, sha FROM corpus_images',
  previous: 'SELECT path, blob_sha AS sha FROM previous_files',
  clearPrevious: 'DELETE FROM previous_files',
  addPrevious: 'INSERT INTO previous_files (path, blob_sha) VALUES (?, ?)',
  blob: 'SELECT bytes FROM file_blobs WHERE sha = ?',
  hasBlob: 'SELECT 1 FROM file_blobs WHERE sha = ? UNION ALL SELECT 1 FROM corpus_images WHERE sha = ?',
  image: 'SELECT bytes FROM corpus_images WHERE sha = ? LIMIT 1',
  images: 'SELECT sha, bytes FROM corpus_images',
  keepBlob: 'INSERT OR IGNORE INTO file_blobs (sha, bytes) VALUES (?, ?)',
  addReport: 'INSERT INTO sync_reports (report_json) VALUES (?)',
  lastReport: 'SELECT report_json FROM sync_reports ORDER BY id DESC LIMIT 1',
  states: `SELECT f.path, f.blob_sha AS sha, coalesce(pg.id, al.id) AS id, coalesce(pg.title, al.id) AS title,
      pg.tier, pg.type, pg.is_template AS isTemplate,
      (SELECT count(*) FROM checklists c JOIN checklist_items i ON i.checklist_id = c.id WHERE c.page_id = pg.id) AS items
    FROM files f LEFT JOIN pages pg ON pg.path = f.path LEFT JOIN aliases al ON al.path = f.path`,
} as const;

/** The statements that answer with their one column's value. */
const PLUCKED = ['meta', 'blob', 'hasBlob', 'image', 'lastReport'] as const;

/** Sync's reads and writes of content.db, through SYNC_SQL's statements. */
export class SyncRepository {
  private readonly s: Statements<typeof SYNC_SQL>;

  constructor(private readonly db: Database) {
    this.s = prepareAll(db, SYNC_SQL);
    for (const name of PLUCKED) this.s[name].pluck(true);
  }

  meta(key: string): string | null {
    const v = this.s.meta.get(key) as string | undefined;
    return v === undefined || v === '' ? null : v;
  }

  setMeta(key: string, value: string | null): void {
    this.s.setMeta.run(key, value ?? '');
  }

  /**
   * The current generation: docs paths (pages and images) → blob SHA, plus `mkdocs.yml` when
   * the corpus has one.
   */
  currentFiles(): Map<string, string> {
    const m = new Map((this.s.files.all() as { path: string; sha: string }[]).map((r) => [r.path, r.sha]));
    const mk = this.meta('mkdocsSha');
    if (mk) m.set('mkdocs.yml', mk);
    return m;
  }

  previousFiles(): Map<string, string> {
    return new Map((this.s.previous.all() as { path: string; sha: string }[]).map((r) => [r.path, r.sha]));
  }

  /** Replaces the kept previous generation (inside the update's transaction). */
  setPreviousFiles(files: Map<string, string>): void {
    this.s.clearPrevious.run();
    for (const [path, sha] of files) this.s.addPrevious.run(path, sha);
  }

  /** A kept file's bytes by blob SHA: a page or image of either generation, or mkdocs.yml. */
  blob(sha: string): Uint8Array | null {
    const b = this.s.blob.get(sha) as Buffer | undefined;
    if (b) return inflateRawSync(b);
    return (this.s.image.get(sha) as Buffer | undefined) ?? null;
  }

  hasBlob(sha: string): boolean {
    return this.s.hasBlob.get(sha, sha) !== undefined;
  }

  /** The stored images whose SHA is not in `keep`, with their bytes (read before an import replaces them). */
  imagesNotIn(keep: ReadonlySet<string>): { sha: string; bytes: Buffer }[] {
    return (this.s.images.all() as { sha: string; bytes: Buffer }[]).filter((i) => !keep.has(i.sha));
  }

  /**
   * Keeps bytes by blob SHA among the file blobs (inside the update's transaction): the
   * replaced generation's images, so revert can restore them offline.
   */
  keepBlob(sha: string, bytes: Uint8Array): void {
    this.s.keepBlob.run(sha, deflateRawSync(bytes));
  }

  /** Per docs path: page/alias id, title, tier, whether a guide, checklist items. */
  fileStates(): Map<string, FileState> {
    const rows = this.s.states.all() as (Omit<FileState, 'guide' | 'checklistItems'> & {
      path: string;
      type: string | null;
      isTemplate: number | null;
      items: number;
    })[];
    return new Map(
      rows.map((r) => {
        const id = r.id ?? r.path.replace(/\.md$/i, '');
        return [
          r.path,
          {
            id,
            sha: r.sha,
            title: r.title ?? r.path,
            tier: r.tier,
            guide: isMigrationGuide({ id, type: r.type, isTemplate: r.isTemplate === 1 }),
            checklistItems: r.items,
          },
        ];
      }),
    );
  }

  addReport(report: SyncReport): void {
    this.s.addReport.run(JSON.stringify(report));
  }

  lastReport(): SyncReport | null {
    const json = this.s.lastReport.get() as string | undefined;
    return json ? (JSON.parse(json) as SyncReport) : null;
  }

  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }
}
