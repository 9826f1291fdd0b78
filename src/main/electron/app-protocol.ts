import type { Database } from 'better-sqlite3';
import { readFile } from 'node:fs/promises';
import { corpusImageResponse, isCorpusImagePath } from '../server/corpus-image-route';
import { resolveStaticFile, type StaticFile } from '../server/static-files';
import { uiResponseHeaders } from './csp';

/** The UI is served from `app://dstudio/…`, never from file:// (which would give every page the whole disk). */
export const APP_SCHEME = 'app';
export const APP_HOST = 'dstudio';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * Privileges for `protocol.registerSchemesAsPrivileged`: `standard` gives the scheme
 * real origins (so 'self' in the CSP and same-origin checks mean app://dstudio, and
 * the bundle's same-origin module scripts load), `secure` makes it a secure context
 * like https. Deliberately not `corsEnabled` (which would let other origins read
 * app:// responses), `bypassCSP`, `allowServiceWorkers` or `stream`.
 */
export const APP_SCHEME_PRIVILEGES = {
  standard: true,
  secure: true,
  supportFetchAPI: true,
  codeCache: true,
} as const;

/**
 * Maps an app:// request URL to a file strictly inside `root` (out/renderer), or null.
 * Checks the raw URL — before any decoding — for what must never reach the file
 * system: another host, encoded slashes or backslashes, encoded NUL, empty segments
 * (`//etc/passwd`); the path itself then goes through the same resolver as
 * `dstudio serve` (`..` and `%2e%2e`, dot files, control characters, drive letters,
 * and a final containment check against the resolved root).
 */
export function resolveAppPath(root: string, url: string): StaticFile | null {
  const m = /^app:\/\/dstudio(\/[^?#]*)?(?:[?#].*)?$/i.exec(url);
  if (!m) return null;
  const rawPath = m[1] ?? '/';
  if (/%(?:2f|5c|00)/i.test(rawPath) || rawPath.includes('//')) return null;
  return resolveStaticFile(root, rawPath);
}

/**
 * The `protocol.handle` handler for app://: serves files under `root` with the CSP
 * and other security headers, 404 for everything else (with no detail, so a probe
 * learns nothing about the disk). Uses only the web `Request`/`Response` types, so it
 * runs (and is tested) in plain Node too.
 */
export function createAppProtocolHandler(
  root: string,
  contentDb?: Database,
): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return new Response(null, { status: 405 });
    const pathname = /^app:\/\/dstudio(\/[^?#]*)/i.exec(request.url)?.[1] ?? '';
    if (contentDb && isCorpusImagePath(pathname)) {
      const image = corpusImageResponse(contentDb, pathname, request.headers.get('if-none-match'));
      const body = request.method === 'HEAD' || !image.body ? null : new Uint8Array(image.body);
      return new Response(body, { status: image.status, headers: image.headers });
    }
    const file = resolveAppPath(root, request.url);
    if (!file)
      return new Response('Not found', {
        status: 404,
        headers: uiResponseHeaders('text/plain; charset=utf-8'),
      });
    let body: Buffer;
    try {
      body = await readFile(file.file);
    } catch {
      return new Response('Not found', {
        status: 404,
        headers: uiResponseHeaders('text/plain; charset=utf-8'),
      });
    }
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
      status: 200,
      headers: { ...uiResponseHeaders(file.type), 'content-length': String(body.length) },
    });
  };
}
