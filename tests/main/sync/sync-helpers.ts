import type { Database } from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ContentService } from '../../../src/main/content/content-service';
import { openContentDb } from '../../../src/main/database/connection';
import type { FetchLimits } from '../../../src/main/sync/http-fetch';
import type { SyncOptions } from '../../../src/main/sync/sync-engine';
import type { FakeGitHub } from '../../helpers/fake-github';

export const tmp = () => mkdtempSync(join(tmpdir(), 'dstudio-sync-'));

/** Short waits, so fault tests finish quickly; the policy is the same as in the app. */
export const TEST_LIMITS: FetchLimits = {
  headersTimeoutMs: 5000,
  idleTimeoutMs: 400,
  attempts: 3,
  backoffMs: 10,
  maxRateLimitWaitMs: 3000,
  maxRedirects: 3,
};

export function syncOptions(
  server: FakeGitHub,
  cacheDir: string,
  extra: Partial<SyncOptions> = {},
): SyncOptions {
  return {
    source: { apiUrl: server.url, owner: 'deepaucksharma', repo: 'DStudio', ref: 'main' },
    cacheDir,
    limits: TEST_LIMITS,
    ...extra,
  };
}

/**
 * What a user sees of a content database: the page list (as `dstudio pages --json` prints
 * it), every page's rendered HTML, the files with their SHAs, the aliases, the nav and the
 * stored images and the commit — hashed per part so a failing comparison names the part.
 */
export async function contentState(db: Database) {
  const hash = (v: unknown) => createHash('sha1').update(JSON.stringify(v)).digest('hex');
  const pages = (await new ContentService(db).listPages()).map(
    ({ id, title, tier, type, category, status }) => ({
      id,
      title,
      tier,
      type,
      category,
      status,
    }),
  );
  const html = db.prepare('SELECT id, html FROM pages ORDER BY id').all() as { id: string; html: Buffer }[];
  return {
    pages,
    html: hash(html.map((h) => [h.id, h.html.toString('base64')])),
    files: hash(db.prepare('SELECT path, blob_sha, kind FROM files ORDER BY path').all()),
    aliases: hash(db.prepare('SELECT id, target_id, target_anchor FROM aliases ORDER BY id').all()),
    nav: hash(db.prepare('SELECT tree FROM nav').all()),
    images: hash(db.prepare('SELECT path, sha, mime FROM corpus_images ORDER BY path').all()),
    commit:
      (db.prepare("SELECT value FROM meta WHERE key = 'commit'").pluck(true).get() as string | undefined) ??
      null,
  };
}

/** A fresh copy of a prepared database file (checkpointed first, so the copy is whole). */
export function copyDb(from: string, dir: string, name: string): string {
  const db = openContentDb(from);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  const to = join(dir, name);
  copyFileSync(from, to);
  return to;
}
