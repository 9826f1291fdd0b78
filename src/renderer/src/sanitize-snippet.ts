import DOMPurify from 'dompurify';

/**
 * Search snippets come as escaped text with `<mark>` around matches (and `<code>` around a
 * snippet cut from code). They are still HTML from the other side of the bridge, so only
 * those two survive, without attributes.
 */
export function safeSnippet(html: string): string {
  return DOMPurify.sanitize(html, { ALLOWED_TAGS: ['mark', 'code'], ALLOWED_ATTR: [] });
}
