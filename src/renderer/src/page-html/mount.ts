import {
  addCopyButtons,
  enhanceTabs,
  findAnchor,
  handleInPageLinks,
  observeCode,
  openEnclosingTabs,
} from './enhance';
import { landOnAnchor } from './anchor-landing';
import { observeDiagrams } from './mermaid';
import { sanitizePageHtml } from './sanitize';

/** A page's content mounted in a container. */
export interface MountedPage {
  /** Scrolls to a heading or other anchor, written either as the page wrote it or sanitised; false if absent. */
  scrollToAnchor(anchor: string): boolean;
  /** Stops observers and listeners (call before mounting another page in the same container). */
  destroy(): void;
}

export interface MountOptions {
  /** Anchor to scroll to once mounted (the `h` of `#/page/<id>?h=<anchor>`). */
  anchor?: string | null;
}

/**
 * Puts stored page HTML into `container`: sanitised as the very last step before it enters
 * the DOM, then enhanced (tabs, copy buttons, in-page links). Diagrams and syntax highlighting
 * happen later, lazily, as they scroll into view.
 */
export function mountPageHtml(container: HTMLElement, html: string, opts: MountOptions = {}): MountedPage {
  container.replaceChildren(sanitizePageHtml(html));
  container.classList.add('page-content');
  enhanceTabs(container);
  addCopyButtons(container);
  const cleanups = [handleInPageLinks(container), observeCode(container), observeDiagrams(container)];
  const scrollToAnchor = (anchor: string) => {
    const el = findAnchor(container, anchor);
    if (!el) return false;
    openEnclosingTabs(el);
    cleanups.push(landOnAnchor(el, container));
    return true;
  };
  if (opts.anchor) scrollToAnchor(opts.anchor);
  return { scrollToAnchor, destroy: () => cleanups.forEach((c) => c()) };
}
