import type MarkdownIt from 'markdown-it';
import type StateBlock from 'markdown-it/lib/rules_block/state_block.mjs';
import { isBlankLine, lineText } from './block-body';

/**
 * Raw HTML blocks the way Python-Markdown reads them: a block-level element opened at the
 * start of a line runs to its matching closing tag, blank lines included. CommonMark ends an
 * HTML block at the first blank (or whitespace-only) line, so the indented rest of a long
 * hand-written `<div>` (the corpus's interactive explorers) became one big code block.
 * Only blocks that hold a blank line before their closing tag and whose inner lines are all
 * indented or tags are taken here: flush-left text inside a `<div>` is Markdown its author
 * meant to be read (the site shows it raw; the app keeps rendering it), and blocks without a
 * blank line read the same either way, so those stay with markdown-it's own rule. `<script>`, `<style>`,
 * `<pre>` and `<textarea>` already run to their closing tag in CommonMark.
 */

/** Python-Markdown's block-level elements (markdown/core.py), less the four CommonMark already handles. */
const BLOCK_TAGS = new Set(
  (
    'address article aside blockquote body canvas colgroup dd details div dl dt fieldset figcaption figure footer ' +
    'form h1 h2 h3 h4 h5 h6 header hgroup hr html iframe legend li main map math menu nav noscript object ol output p ' +
    'progress section summary table tbody td tfoot th thead tr ul video'
  ).split(' '),
);

const OPEN_RE = /^<([a-z][a-z0-9]*)(?=[\s/>]|$)/i;

function rawHtmlBlockRule(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  if (state.sCount[startLine]! - state.blkIndent >= 4) return false;
  const first = lineText(state, startLine);
  const tag = OPEN_RE.exec(first)?.[1]?.toLowerCase();
  if (!tag || !BLOCK_TAGS.has(tag)) return false;
  const opens = new RegExp(`<${tag}(?=[\\s/>]|$)`, 'gi');
  const closes = new RegExp(`</${tag}\\s*>`, 'gi');
  const count = (text: string) => (text.match(opens)?.length ?? 0) - (text.match(closes)?.length ?? 0);
  let depth = count(first);
  if (depth <= 0) return false;
  let blankInside = false;
  let closeLine = -1;
  for (let line = startLine + 1; line < endLine; line++) {
    if (isBlankLine(state, line)) {
      blankInside = true;
      continue;
    }
    // Left the container the block was written in (a list item or admonition body ends here).
    if (state.sCount[line]! < state.blkIndent) break;
    const text = lineText(state, line);
    // Flush-left text inside is Markdown its author meant to be read as such: keep CommonMark's reading.
    if (state.sCount[line]! <= state.sCount[startLine]! && !text.startsWith('<')) return false;
    depth += count(text);
    if (depth <= 0) {
      closeLine = line;
      break;
    }
  }
  if (closeLine < 0 || !blankInside) return false;
  if (silent) return true;
  const token = state.push('html_block', '', 0);
  token.map = [startLine, closeLine + 1];
  token.content = state.getLines(startLine, closeLine + 1, state.blkIndent, true);
  state.line = closeLine + 1;
  return true;
}

/** markdown-it plugin: raw HTML blocks run to their closing tag across blank lines. */
export function rawHtmlBlockPlugin(md: MarkdownIt): void {
  md.block.ruler.before('html_block', 'raw_html_block', rawHtmlBlockRule, {
    alt: ['paragraph', 'reference', 'blockquote'],
  });
}
