import type MarkdownIt from 'markdown-it';
import type StateCore from 'markdown-it/lib/rules_core/state_core.mjs';
import type Token from 'markdown-it/lib/token.mjs';

/**
 * Python-Markdown's attr_list, for the forms the corpus uses: `## Title {#id}` / `{ .class }`
 * on headings, `[text](url){ .md-button }` (and after images, code, emphasis), and a
 * paragraph ending in a `{: .class }` line. Written here rather than using markdown-it-attrs
 * because that plugin tests every token against all its patterns and took three quarters of
 * the corpus's render time. Lists the extension cannot place (`[Title {#id}](#a)` in
 * hand-made tables of contents) are dropped: the author meant the title, not the braces.
 * Only presentational attributes are kept: `{onclick=…}` or `{data-link=…}` never reach the HTML.
 */

const ALLOWED = new Set(['id', 'class', 'title', 'width', 'height', 'align']);
const ITEM = String.raw`(?:[.#][A-Za-z_][\w-]*|[A-Za-z_][\w-]*=(?:"[^"]*"|'[^']*'|[^\s"'}]+))`;
const LIST = String.raw`\{:?[ \t]*(${ITEM}(?:[ \t]+${ITEM})*)[ \t]*\}`;
const AT_START = new RegExp(`^${LIST}`);
const AT_END = new RegExp(String.raw`[ \t]*${LIST}[ \t]*$`);
const ITEMS = new RegExp(ITEM, 'g');

/** Applies one attribute list (`#id .a .b key=v`) to a token. */
function apply(token: Token, list: string): void {
  for (const [item] of list.matchAll(ITEMS)) {
    if (item.startsWith('#')) token.attrSet('id', item.slice(1));
    else if (item.startsWith('.')) token.attrJoin('class', item.slice(1));
    else {
      const eq = item.indexOf('=');
      const key = item.slice(0, eq).toLowerCase();
      if (ALLOWED.has(key)) token.attrSet(key, item.slice(eq + 1).replace(/^["']|["']$/g, ''));
    }
  }
}

/** The opening token matching a closing inline token (`link_close` → its `link_open`). */
function openerOf(children: Token[], closeIndex: number): Token | undefined {
  const close = children[closeIndex]!;
  if (close.nesting !== -1) return close;
  const openType = close.type.replace(/_close$/, '_open');
  let depth = 0;
  for (let i = closeIndex - 1; i >= 0; i--) {
    const t = children[i]!;
    if (t.type === close.type) depth++;
    else if (t.type === openType && depth-- === 0) return t;
  }
  return undefined;
}

const TARGETS = new Set(['link_close', 'image', 'code_inline', 'strong_close', 'em_close', 's_close']);

function attrList(state: StateCore): void {
  const tokens = state.tokens;
  for (let t = 0; t < tokens.length; t++) {
    const inline = tokens[t]!;
    const children = inline.children;
    if (inline.type !== 'inline' || !children || !inline.content.includes('{')) continue;
    const block = tokens[t - 1];
    for (let i = 0; i < children.length; i++) {
      const child = children[i]!;
      if (child.type !== 'text' || !child.content.includes('{')) continue;
      // `…](url){ .x }`: the list right after an element belongs to it.
      const prev = children[i - 1];
      const start = prev && TARGETS.has(prev.type) ? AT_START.exec(child.content) : null;
      if (start) {
        const target = openerOf(children, i - 1);
        if (target) apply(target, start[1]!);
        child.content = child.content.slice(start[0].length);
      }
      const next = children[i + 1];
      const last = !next || (next.type === 'softbreak' && i + 2 === children.length);
      if (!last && next?.type !== 'link_close') continue;
      const end = AT_END.exec(child.content);
      if (!end) continue;
      // A list ending a heading or paragraph belongs to that block; one ending a link text is a leftover.
      if (last && block && (block.type === 'heading_open' || block.type === 'paragraph_open'))
        apply(block, end[1]!);
      child.content = child.content.slice(0, end.index);
    }
  }
}

/** markdown-it plugin: attribute lists. */
export function attrListPlugin(md: MarkdownIt): void {
  md.core.ruler.after('inline', 'attr_list', attrList);
}
