import type StateBlock from 'markdown-it/lib/rules_block/state_block.mjs';
import { isBlankLine, lineText, type BlockBody } from './block-body';

const MARKER_RE = /^(?:[-*+]|\d{1,9}[.)])(?=\s|$)/;

/**
 * Cards of a `grid cards` block are the items of one list. Some corpus pages indent an item's
 * continuation lines by a single space, which CommonMark does not count as part of a `- ` item,
 * so each card fell apart into a one-line item and loose paragraphs. Here every line between
 * two item markers that is indented at all (but less than the item's content) has its
 * indentation raised, in `state.sCount` only, by what it lacks, so the nested parse sees each
 * card as one item with its nested lists intact.
 */
export function alignCardItems(state: StateBlock, body: BlockBody): void {
  let contentIndent = -1;
  let lift = 0;
  for (let line = body.start; line < body.end; line++) {
    if (isBlankLine(state, line)) continue;
    const indent = state.sCount[line]!;
    const text = lineText(state, line);
    const marker = indent === body.indent ? MARKER_RE.exec(text) : null;
    if (marker) {
      const after = text.slice(marker[0].length);
      const spaces = after.length - after.trimStart().length;
      // CommonMark: 1–4 spaces after the marker set the content column; more means one.
      contentIndent = indent + marker[0].length + (spaces >= 1 && spaces <= 4 ? spaces : 1);
      lift = 0;
      continue;
    }
    if (contentIndent < 0 || indent <= body.indent) {
      if (indent <= body.indent) contentIndent = -1;
      continue;
    }
    // The first continuation line of an item decides its lift; deeper lines keep their nesting.
    if (lift === 0 && indent < contentIndent) lift = contentIndent - indent;
    state.sCount[line] = indent + lift;
  }
}
