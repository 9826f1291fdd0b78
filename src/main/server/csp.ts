/**
 * The Content-Security-Policy of the reader UI. The same directives are in the
 * `<meta>` tag of src/renderer/index.html (kept equal by a unit test); the HTTP
 * header adds `frame-ancestors`, which a meta tag cannot carry.
 */
export const UI_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
  "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'";

/** The CSP sent as an HTTP header by `dstudio serve`. */
export const UI_CSP_HEADER = `${UI_CSP}; frame-ancestors 'none'`;
