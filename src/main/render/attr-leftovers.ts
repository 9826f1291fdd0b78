import type MarkdownIt from 'markdown-it';
import type StateCore from 'markdown-it/lib/rules_core/state_core.mjs';

/**
 * Attribute lists the attr_list extension cannot place (`[Title {#id}](#anchor)` in the
 * corpus's hand-made tables of contents, copied from headings) are dropped rather than shown:
 * the author meant the title. Only pure `{#id}` / `{ .class }` lists at the end of a link text
 * or a paragraph are touched; anything else in braces stays as written.
 */
const TRAILING_ATTRS = /\s*\{:?\s*(?:[.#][A-Za-z_][\w-]*\s*)+\}\s*$/;

function dropLeftovers(state: StateCore): void {
  for (const token of state.tokens) {
    const children = token.children;
    if (token.type !== 'inline' || !children) continue;
    children.forEach((child, i) => {
      if (child.type !== 'text') return;
      const next = children[i + 1];
      if (next && next.type !== 'link_close' && next.type !== 'softbreak') return;
      child.content = child.content.replace(TRAILING_ATTRS, '');
    });
  }
}

/** markdown-it plugin: hides attribute lists left over after markdown-it-attrs. */
export function attrLeftoversPlugin(md: MarkdownIt): void {
  md.core.ruler.push('attr_leftovers', dropLeftovers);
}
