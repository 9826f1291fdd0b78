import type { PageId } from './domain';

/**
 * The in-app route of a page (and optional heading anchor). Stored page HTML links to
 * pages with it, and the renderer's router reads it back with `parsePageRoute`.
 */
export function routeOf(id: PageId, anchor: string | null = null): string {
  return `#/page/${id.split('/').map(encodeURIComponent).join('/')}${anchor ? `?h=${encodeURIComponent(anchor)}` : ''}`;
}

/** Reads a route made by `routeOf` back into page id and anchor; null for any other hash. */
export function parsePageRoute(hash: string): { id: PageId; anchor: string | null } | null {
  const m = /^#\/page\/([^?]+)(?:\?h=(.*))?$/.exec(hash);
  if (!m) return null;
  try {
    return {
      id: m[1]!.split('/').map(decodeURIComponent).join('/'),
      anchor: m[2] ? decodeURIComponent(m[2]) : null,
    };
  } catch {
    return null;
  }
}
