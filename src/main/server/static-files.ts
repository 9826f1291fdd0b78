import { readFile } from 'node:fs/promises';
import { statSync } from 'node:fs';
import { extname, resolve, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

/** A file under the static root that may be served, or null with no reason given to the client. */
export interface StaticFile {
  file: string;
  size: number;
  /** Last modification time, so a rebuilt file is not answered from memory. */
  mtimeMs: number;
  type: string;
}

/**
 * Maps a URL path to a file strictly inside `root`. Refuses anything that could step
 * out of it — `..` segments (also percent-encoded), backslashes, NUL and other control
 * characters, drive letters — before touching the file system, then re-checks the
 * resolved path against the root as a second line of defence.
 */
export function resolveStaticFile(root: string, urlPath: string): StaticFile | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused here
  if (!decoded.startsWith('/') || /[\\\u0000-\u001f\u007f]/.test(decoded) || /^\/[a-z]:/i.test(decoded))
    return null;
  const segments = decoded.split('/').filter((s) => s !== '');
  if (segments.some((s) => s === '..' || s === '.' || s.startsWith('.'))) return null;
  const rel = segments.length === 0 ? 'index.html' : segments.join('/');
  const base = resolve(root);
  const file = resolve(base, rel);
  if (!file.startsWith(base + sep)) return null;
  try {
    const st = statSync(file);
    if (!st.isFile()) return null;
    return {
      file,
      size: st.size,
      mtimeMs: st.mtimeMs,
      type: TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
    };
  } catch {
    return null;
  }
}

/** Files at most this large are kept in memory once read (the whole built UI fits). */
const CACHED_MAX_BYTES = 8 * 1024 * 1024;
const cache = new Map<string, { size: number; mtimeMs: number; bytes: Buffer }>();

/**
 * The bytes of a resolved static file. The built UI is small and read again on every start
 * of a browser, so files are kept in memory after their first read: answered from memory,
 * the shell's script and styles leave in one write instead of a cold file stream on
 * the first page's critical path. A file changed on disk since (a rebuild) is read again.
 */
export async function readStaticFile(file: StaticFile): Promise<Buffer> {
  const hit = cache.get(file.file);
  if (hit && hit.size === file.size && hit.mtimeMs === file.mtimeMs) return hit.bytes;
  const bytes = await readFile(file.file);
  if (bytes.length <= CACHED_MAX_BYTES)
    cache.set(file.file, { size: file.size, mtimeMs: file.mtimeMs, bytes });
  return bytes;
}
