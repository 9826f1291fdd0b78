import type MarkdownIt from 'markdown-it';
import type StateBlock from 'markdown-it/lib/rules_block/state_block.mjs';
import { isBlankLine, lineText, tokenizeBody } from './block-body';
import { alignCardItems } from './grid-cards';

/**
 * Python-Markdown's md_in_html: a block-level tag carrying a `markdown` attribute
 * (`<div class="grid cards" markdown>`) has Markdown inside. markdown-it would take the
 * whole region as one raw HTML block when no blank line follows the tag, so this rule
 * takes the opening line, parses everything up to the matching closing tag as Markdown,
 * and emits the tags themselves (without the `markdown` attribute) as HTML.
 * Supported shape (all the corpus uses): the opening tag alone on its line and the
 * closing tag alone on its line.
 */

const OPEN_RE =
  /^<(div|section|article|aside|details|figure|blockquote|main|header|footer|nav|span|p|summary)\b((?:\s+[^>]*)?)\s+markdown(?:=(?:"[^"]*"|'[^']*'|\S+))?((?:\s+[^>]*)?)>\s*$/i;

function mdInHtmlRule(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  if (state.sCount[startLine]! - state.blkIndent >= 4) return false;
  if (state.src.charCodeAt(state.bMarks[startLine]! + state.tShift[startLine]!) !== 0x3c /* < */)
    return false;
  const m = OPEN_RE.exec(lineText(state, startLine));
  if (!m) return false;
  const tag = m[1]!.toLowerCase();
  const openTag = new RegExp(`<${tag}\\b`, 'gi');
  const closeTag = new RegExp(`</${tag}\\s*>`, 'gi');
  let depth = 1;
  let closeLine = -1;
  for (let line = startLine + 1; line < endLine; line++) {
    if (isBlankLine(state, line)) continue;
    const text = lineText(state, line);
    depth += (text.match(openTag)?.length ?? 0) - (text.match(closeTag)?.length ?? 0);
    if (depth <= 0) {
      if (depth === 0 && new RegExp(`^</${tag}\\s*>\\s*$`, 'i').test(text)) closeLine = line;
      break;
    }
  }
  if (closeLine < 0) return false;
  if (silent) return true;

  const open = state.push('html_block', '', 0);
  open.content = `<${m[1]}${m[2] ?? ''}${m[3] ?? ''}>\n`;
  open.map = [startLine, startLine + 1];
  let indent = Infinity;
  for (let line = startLine + 1; line < closeLine; line++) {
    if (!isBlankLine(state, line)) indent = Math.min(indent, state.sCount[line]!);
  }
  const body = {
    start: startLine + 1,
    end: closeLine,
    indent: indent === Infinity ? state.blkIndent : indent,
  };
  if (
    /\bclass\s*=\s*["'][^"']*\bcards\b/i.test(m[2] ?? '') ||
    /\bclass\s*=\s*["'][^"']*\bcards\b/i.test(m[3] ?? '')
  )
    alignCardItems(state, body);
  tokenizeBody(state, body, 'md_in_html');
  const close = state.push('html_block', '', 0);
  close.content = `</${m[1]}>\n`;
  close.map = [closeLine, closeLine + 1];
  state.line = closeLine + 1;
  return true;
}

/** markdown-it plugin: Markdown inside HTML blocks marked `markdown`. */
export function mdInHtmlPlugin(md: MarkdownIt): void {
  md.block.ruler.before('html_block', 'md_in_html', mdInHtmlRule, {
    alt: ['paragraph', 'reference', 'blockquote'],
  });
}
