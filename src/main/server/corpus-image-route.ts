import type { Database } from 'better-sqlite3';
import { readImage } from '../corpus/corpus-images';
import { CORPUS_IMAGE_PREFIX } from '../render/image-src';

/**
 * The policy of every corpus image response. SVG is untrusted: it is stored unchanged and made
 * inert here rather than sanitised before storing, because (1) a page shows it through
 * `<img>`, where browsers never run an SVG's scripts nor fetch what it names, and (2) opened
 * directly, `sandbox` gives it an opaque origin with scripts off and `default-src 'none'`
 * stops every fetch, so the bytes (and their SHA) stay the corpus's own and the drawing
 * stays faithful.
 */
export const IMAGE_CSP = "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:";

export interface ImageResponse {
  status: 200 | 304 | 404;
  headers: Record<string, string>;
  body: Buffer | null;
}

/** True when a URL path names a corpus image (the one route both transports answer). */
export function isCorpusImagePath(pathname: string): boolean {
  return pathname.startsWith(CORPUS_IMAGE_PREFIX);
}

/**
 * Answers a GET for `/corpus-image/<docs path>` from content.db: the bytes with their type,
 * nosniff, the sandbox CSP and an ETag (the blob SHA; an update may change an image under the
 * same path, so the browser revalidates instead of caching blindly). 404 for anything else.
 */
export function corpusImageResponse(
  db: Database,
  pathname: string,
  ifNoneMatch?: string | null,
): ImageResponse {
  const common = {
    'x-content-type-options': 'nosniff',
    'content-security-policy': IMAGE_CSP,
    'cross-origin-resource-policy': 'same-origin',
    'referrer-policy': 'no-referrer',
  };
  let path: string;
  try {
    path = decodeURIComponent(pathname.slice(CORPUS_IMAGE_PREFIX.length));
  } catch {
    path = '';
  }
  const image = path ? readImage(db, path) : null;
  if (!image)
    return {
      status: 404,
      headers: { ...common, 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
      body: Buffer.from('Not found'),
    };
  const etag = `"${image.sha}"`;
  const headers = { ...common, 'content-type': image.mime, etag, 'cache-control': 'no-cache' };
  if (ifNoneMatch === etag) return { status: 304, headers, body: null };
  return {
    status: 200,
    headers: { ...headers, 'content-length': String(image.bytes.length) },
    body: image.bytes,
  };
}
