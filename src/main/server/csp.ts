/**
 * The Content-Security-Policy of the reader UI. The same directives are in the
 * `<meta>` tag of src/renderer/index.html (kept equal by a unit test); the HTTP
 * header adds `frame-ancestors`, which a meta tag cannot carry. `style-src
 * 'unsafe-inline'` is the one relaxation: KaTeX and mermaid write inline `style`
 * attributes into the math and diagram markup they generate, and styles cannot run
 * code; scripts stay `'self'` only (no inline, no eval).
 */
export const UI_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
  "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'";

/** The CSP sent as an HTTP header, by `dstudio serve` and the app:// protocol alike. */
export const UI_CSP_HEADER = `${UI_CSP}; frame-ancestors 'none'`;

/**
 * The security headers of every response of the UI, over HTTP (`dstudio serve`) and
 * app:// (Electron): the one source for both, so the UI runs under the same rules in
 * either transport.
 */
export const UI_SECURITY_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'content-security-policy': UI_CSP_HEADER,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
});
