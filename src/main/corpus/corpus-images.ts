import type { Database } from 'better-sqlite3';
import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join, posix, relative, sep } from 'node:path';
import { gitBlobSha } from './git-blob';
import type { SourceFile } from './corpus-source';

/** Image types stored from docs/, by lower-case extension. */
export const IMAGE_TYPES: Readonly<Record<string, string>> = Object.freeze({
  svg: 'image/svg+xml',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
});
/** Largest image stored; a bigger one is left out (the page shows its alt text). */
export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;
/** Most images one corpus may bring (bounded work and storage on a hostile folder). */
export const MAX_IMAGES = 2_000;

/** The image type of a docs path, or null when it is not an image the app stores. */
export function imageTypeOf(path: string): string | null {
  const ext = /\.([a-z0-9]+)$/i.exec(path)?.[1]?.toLowerCase();
  return (ext && IMAGE_TYPES[ext]) ?? null;
}

/** Every image file under `docsDir` (symbolic links and dot files skipped), sorted, as import sources. */
export function listImages(docsDir: string): SourceFile[] {
  const out: SourceFile[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name.startsWith('.') || out.length >= MAX_IMAGES) continue;
      const abs = join(dir, entry.name);
      if (entry.isDirectory()) walk(abs);
      else if (entry.isFile() && imageTypeOf(entry.name) && lstatSync(abs).size <= MAX_IMAGE_BYTES)
        out.push({ path: relative(docsDir, abs).split(sep).join(posix.sep), read: () => readFileSync(abs) });
    }
  };
  walk(docsDir);
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/**
 * Replaces the stored images with `images` (call inside the import's transaction). An image
 * whose SHA is unchanged is not rewritten; one that cannot be read, is too large or is past
 * the count cap is left out. Returns the paths left out, with why.
 */
export function storeImages(db: Database, images: readonly SourceFile[]): string[] {
  const known = new Map(
    (db.prepare('SELECT path, sha FROM corpus_images').all() as { path: string; sha: string }[]).map((r) => [
      r.path,
      r.sha,
    ]),
  );
  const upsert = db.prepare(
    'INSERT OR REPLACE INTO corpus_images (path, sha, mime, bytes) VALUES (?, ?, ?, ?)',
  );
  const drop = db.prepare('DELETE FROM corpus_images WHERE path = ?');
  const skipped: string[] = [];
  const kept = new Set<string>();
  for (const image of images) {
    const mime = imageTypeOf(image.path);
    if (!mime || kept.size >= MAX_IMAGES) {
      skipped.push(`${image.path}: not stored (type or count cap)`);
      continue;
    }
    if (image.sha !== undefined && known.get(image.path) === image.sha) {
      kept.add(image.path);
      continue;
    }
    let bytes: Uint8Array;
    try {
      bytes = image.read();
    } catch (e) {
      skipped.push(`${image.path}: unreadable: ${(e as Error).message}`);
      continue;
    }
    if (bytes.length > MAX_IMAGE_BYTES) {
      skipped.push(`${image.path}: larger than ${MAX_IMAGE_BYTES} bytes`);
      continue;
    }
    const sha = gitBlobSha(bytes);
    kept.add(image.path);
    if (known.get(image.path) !== sha) upsert.run(image.path, sha, mime, bytes);
  }
  for (const path of known.keys()) if (!kept.has(path)) drop.run(path);
  return skipped;
}

export interface StoredImage {
  mime: string;
  sha: string;
  bytes: Buffer;
}

/** One stored image by its docs path, or null. */
export function readImage(db: Database, path: string): StoredImage | null {
  return (
    (db.prepare('SELECT mime, sha, bytes FROM corpus_images WHERE path = ?').get(path) as
      StoredImage | undefined) ?? null
  );
}
