import { createReadStream, statSync } from 'node:fs';
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
    return { file, size: st.size, type: TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream' };
  } catch {
    return null;
  }
}

/** Streams a resolved static file. */
export function openStaticFile(file: StaticFile) {
  return createReadStream(file.file);
}
