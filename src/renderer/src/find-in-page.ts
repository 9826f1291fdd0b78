/** Most matches highlighted at once; past this, the count says "N+". */
export const MAX_MATCHES = 1000;

const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'svg']);

/**
 * Ranges of every case-insensitive occurrence of `query` in the visible text under
 * `root` (within single text nodes). Used with the CSS Custom Highlight API, so the
 * page's DOM is never modified by a search.
 */
export function findRanges(root: Node, query: string, exclude: Element | null = null): Range[] {
  const needle = query.toLocaleLowerCase();
  if (!needle) return [];
  const ranges: Range[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode(node) {
      const parent = node.parentElement;
      if (!parent || SKIP.has(parent.tagName) || parent.closest('svg')) return NodeFilter.FILTER_REJECT;
      if (exclude?.contains(parent)) return NodeFilter.FILTER_REJECT;
      // Text inside closed <details>, inactive tabs or display:none is not shown, so not matched.
      if (!parent.checkVisibility()) return NodeFilter.FILTER_REJECT;
      return NodeFilter.FILTER_ACCEPT;
    },
  });
  for (let node = walker.nextNode(); node && ranges.length < MAX_MATCHES; node = walker.nextNode()) {
    const hay = (node.nodeValue ?? '').toLocaleLowerCase();
    for (
      let at = hay.indexOf(needle);
      at !== -1 && ranges.length < MAX_MATCHES;
      at = hay.indexOf(needle, at + needle.length)
    ) {
      const r = document.createRange();
      r.setStart(node, at);
      r.setEnd(node, at + needle.length);
      ranges.push(r);
    }
  }
  return ranges;
}

/** Paints matches and the current one with named highlights (styled by ::highlight() in CSS). */
export function paintMatches(ranges: Range[], current: number): void {
  if (typeof CSS === 'undefined' || !('highlights' in CSS)) return;
  CSS.highlights.set('find-match', new Highlight(...ranges));
  const cur = ranges[current];
  if (cur) CSS.highlights.set('find-current', new Highlight(cur));
  else CSS.highlights.delete('find-current');
}

export function clearMatches(): void {
  if (typeof CSS === 'undefined' || !('highlights' in CSS)) return;
  CSS.highlights.delete('find-match');
  CSS.highlights.delete('find-current');
}
