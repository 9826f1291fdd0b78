import type { Database } from 'better-sqlite3';
import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join, posix, relative, sep } from 'node:path';
import { gitBlobSha } from './git-blob';
import type { SkippedImage } from '../../shared/domain';
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

/**
 * Every image file under `docsDir` (symbolic links and dot files skipped), sorted, with its
 * size, as import sources. The caps are applied by storeImages, so what they leave out is reported.
 */
export function listImages(docsDir: string): SourceFile[] {
  const out: SourceFile[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue;
      const abs = join(dir, entry.name);
      if (entry.isDirectory()) walk(abs);
      else if (entry.isFile() && imageTypeOf(entry.name))
        out.push({
          path: relative(docsDir, abs).split(sep).join(posix.sep),
          size: lstatSync(abs).size,
          read: () => readFileSync(abs),
        });
    }
  };
  walk(docsDir);
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

const MB = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/**
 * Replaces the stored images with `images` (call inside the import's transaction). An image
 * whose SHA is unchanged is not rewritten; one that cannot be read, is too large or is past
 * the count cap (in path order) is left out. Returns each image left out, with its size and why.
 */
export function storeImages(db: Database, images: readonly SourceFile[]): SkippedImage[] {
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
  const skipped: SkippedImage[] = [];
  const skip = (path: string, bytes: number | null, cap: SkippedImage['cap'], reason: string) =>
    skipped.push({ path, bytes, cap, reason });
  const tooLarge = `larger than the ${MB(MAX_IMAGE_BYTES)} cap per image`;
  const kept = new Set<string>();
  for (const image of images) {
    const size = image.size ?? null;
    const mime = imageTypeOf(image.path);
    if (!mime) {
      skip(image.path, size, 'type', 'not an image type the app stores');
      continue;
    }
    if (kept.size >= MAX_IMAGES) {
      skip(image.path, size, 'count', `past the cap of ${MAX_IMAGES} images per corpus`);
      continue;
    }
    if (size !== null && size > MAX_IMAGE_BYTES) {
      skip(image.path, size, 'size', tooLarge);
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
      skip(image.path, size, 'unreadable', `unreadable: ${(e as Error).message}`);
      continue;
    }
    if (bytes.length > MAX_IMAGE_BYTES) {
      skip(image.path, bytes.length, 'size', tooLarge);
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
