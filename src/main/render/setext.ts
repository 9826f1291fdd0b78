import type MarkdownIt from 'markdown-it';
import type StateCore from 'markdown-it/lib/rules_core/state_core.mjs';

/**
 * Setext headings the way Python-Markdown reads them. CommonMark turns a whole paragraph
 * followed by `---` into one heading; Python-Markdown's SetextHeaderProcessor only matches a
 * single line followed by its underline, so a longer paragraph stays a paragraph and the `---`
 * becomes a rule (HRProcessor). The corpus has many pages with leftover front matter
 * (`key: value` lines, then `---`) in their body: on the site they read as a paragraph and a
 * rule, not as a giant heading that also lands in the table of contents.
 */
function multiLineSetext(state: StateCore): void {
  const tokens = state.tokens;
  for (let i = 0; i < tokens.length; i++) {
    const open = tokens[i]!;
    if (open.type !== 'heading_open' || (open.markup !== '-' && open.markup !== '=')) continue;
    const inline = tokens[i + 1]!;
    if (!inline.content.includes('\n')) continue;
    const close = tokens[i + 2]!;
    const dash = open.markup === '-';
    for (const t of [open, close]) {
      t.type = t === open ? 'paragraph_open' : 'paragraph_close';
      t.tag = 'p';
      t.markup = '';
    }
    // `===` is no rule in Python-Markdown: the underline stays part of the paragraph's text.
    if (!dash) inline.content += `\n${state.src.split('\n')[(open.map?.[1] ?? 1) - 1]?.trim() ?? ''}`;
    if (open.map) inline.map = open.map;
    if (!dash) continue;
    const hr = new state.Token('hr', 'hr', 0);
    hr.markup = '---';
    hr.block = true;
    if (open.map) hr.map = [open.map[1] - 1, open.map[1]];
    tokens.splice(i + 3, 0, hr);
    i += 3;
  }
}

/** markdown-it plugin: only one-line setext headings; longer paragraphs keep their text and get a rule. */
export function setextPlugin(md: MarkdownIt): void {
  // Before `inline`: the paragraph's text is parsed as a paragraph, softbreaks and all.
  md.core.ruler.before('inline', 'setext_single_line', multiLineSetext);
}
