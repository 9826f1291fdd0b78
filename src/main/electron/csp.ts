import { UI_SECURITY_HEADERS } from '../server/csp';

/**
 * Headers of every app:// response: the security headers `dstudio serve` sends
 * (src/main/server/csp.ts), the content type, and no caching without a check.
 */
export function uiResponseHeaders(contentType: string): Record<string, string> {
  return { 'content-type': contentType, ...UI_SECURITY_HEADERS, 'cache-control': 'no-cache' };
}
