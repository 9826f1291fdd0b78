import { posix } from 'node:path';

/** Path prefix under which the app serves the corpus's stored images (serve and app:// alike). */
export const CORPUS_IMAGE_PREFIX = '/corpus-image/';

const EXTERNAL_OR_DATA = /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i;

/**
 * The app URL of an image a page names (`../../assets/x.svg`, `/assets/x.svg`), resolved like
 * MkDocs does: relative to the page's source file, absolute from docs/. Null for external
 * and data: URLs and for a path that leaves docs/ (those are left as written).
 */
export function corpusImageUrl(src: string, pageId: string): string | null {
  if (!src || EXTERNAL_OR_DATA.test(src)) return null;
  const path = src.replace(/[?#].*$/, '');
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return null;
  }
  const joined = decoded.startsWith('/') ? decoded : posix.join(posix.dirname(pageId), decoded);
  const normal = posix.normalize(joined).replace(/^\/+/, '');
  if (!normal || normal === '.' || normal.startsWith('../')) return null;
  return CORPUS_IMAGE_PREFIX + normal.split('/').map(encodeURIComponent).join('/');
}
