import { UI_CSP_HEADER } from '../server/csp';

/**
 * Headers of every app:// response. The policy is the one `dstudio serve` sends
 * (src/main/server/csp.ts), so the UI runs under the same rules in both transports;
 * the header form adds `frame-ancestors 'none'`, which the meta tag in index.html
 * cannot carry. `style-src 'unsafe-inline'` is the one relaxation: KaTeX and mermaid
 * write inline `style` attributes into the math and diagram markup they generate, and
 * styles cannot run code; scripts stay `'self'` only (no inline, no eval).
 */
export function uiResponseHeaders(contentType: string): Record<string, string> {
  return {
    'content-type': contentType,
    'content-security-policy': UI_CSP_HEADER,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
    'cache-control': 'no-cache',
  };
}
