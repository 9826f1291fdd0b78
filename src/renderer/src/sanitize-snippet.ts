import DOMPurify from 'dompurify';

/**
 * Search snippets come as escaped text with `<mark>` around matches. They are still
 * HTML from the other side of the bridge, so only `<mark>` survives, without attributes.
 */
export function safeSnippet(html: string): string {
  return DOMPurify.sanitize(html, { ALLOWED_TAGS: ['mark'], ALLOWED_ATTR: [] });
}
