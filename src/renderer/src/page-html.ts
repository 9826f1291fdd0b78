import DOMPurify from 'dompurify';

/**
 * Puts a page's HTML into the reading pane, sanitised as the very last step before it
 * enters the DOM. Stand-in until the rendering module (src/renderer/src/content) takes
 * over with diagrams, tabs and copy buttons; the call site stays the same.
 */
export function mountPageHtml(el: HTMLElement, html: string): () => void {
  el.replaceChildren(DOMPurify.sanitize(html, { RETURN_DOM_FRAGMENT: true }));
  return () => el.replaceChildren();
}
