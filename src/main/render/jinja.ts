import type MarkdownIt from 'markdown-it';
import type StateInline from 'markdown-it/lib/rules_inline/state_inline.mjs';

/**
 * Jinja-style template text (`{{ var }}`, `{% tag %}`, `{# comment #}`) is shown as written,
 * never evaluated. It gets its own token so the attribute-list plugin cannot mistake it for
 * `{ .class }` and swallow it.
 */
const JINJA_RE = /^(?:\{\{[^\n]*?\}\}|\{%[^\n]*?%\}|\{#[^\n]*?#\})/;

function jinjaRule(state: StateInline, silent: boolean): boolean {
  if (state.src.charCodeAt(state.pos) !== 0x7b /* { */) return false;
  const m = JINJA_RE.exec(state.src.slice(state.pos, state.pos + 500));
  if (!m) return false;
  if (!silent) state.push('jinja', '', 0).content = m[0];
  state.pos += m[0].length;
  return true;
}

/** markdown-it plugin: template expressions kept as literal text. */
export function jinjaPlugin(md: MarkdownIt): void {
  md.inline.ruler.before('emphasis', 'jinja', jinjaRule);
  md.renderer.rules.jinja = (tokens, idx) =>
    `<span class="template-text">${md.utils.escapeHtml(tokens[idx]!.content)}</span>`;
}
