import type StateBlock from 'markdown-it/lib/rules_block/state_block.mjs';

/** The lines of an indented block body (`!!!`, `???`, `===`, md-in-html): [start, end) and the body's indent. */
export interface BlockBody {
  start: number;
  end: number;
  indent: number;
}

/** Lines that start something else, so they never join a body as unindented "lazy" lines. */
const STARTS_OTHER = /^(?:#{1,6}\s|!!!|\?\?\?|===|```|~~~|<\/?[a-z]|---|\*\*\*|\$\$)/i;

export function isBlankLine(state: StateBlock, line: number): boolean {
  return state.bMarks[line]! + state.tShift[line]! >= state.eMarks[line]!;
}

export function lineText(state: StateBlock, line: number): string {
  return state.src.slice(state.bMarks[line]! + state.tShift[line]!, state.eMarks[line]!);
}

/**
 * Finds the body of a block whose marker is on `markerLine`, the way its author meant it
 * rather than only the way Python-Markdown reads it: any indentation deeper than the marker's
 * counts (MkDocs wants exactly 4 spaces and shows an empty box for 1–3), and unindented lines
 * directly under the marker (a table or sentence written flush left) belong to the body too.
 * Those flush-left lines get their indentation raised in `state.sCount` so the nested parse
 * sees one consistent body.
 */
export function findBlockBody(state: StateBlock, markerLine: number, endLine: number): BlockBody {
  const markerIndent = state.sCount[markerLine]!;
  const lazy: number[] = [];
  let line = markerLine + 1;
  while (
    line < endLine &&
    !isBlankLine(state, line) &&
    state.sCount[line]! <= markerIndent &&
    !STARTS_OTHER.test(lineText(state, line))
  ) {
    lazy.push(line++);
  }
  let end = line;
  let indent = Infinity;
  for (let l = line; l < endLine; l++) {
    if (isBlankLine(state, l)) continue;
    if (state.sCount[l]! <= markerIndent) break;
    indent = Math.min(indent, state.sCount[l]!);
    end = l + 1;
  }
  if (indent === Infinity) indent = markerIndent + 4;
  for (const l of lazy) state.sCount[l] = indent;
  return { start: markerLine + 1, end, indent };
}

/** Parses `body` as nested Markdown into `state.tokens` (between the caller's open and close tokens). */
export function tokenizeBody(state: StateBlock, body: BlockBody, parentType: string): void {
  const oldParent = state.parentType;
  const oldLineMax = state.lineMax;
  const oldIndent = state.blkIndent;
  // parentType is typed as a closed union but markdown-it only compares it by name.
  state.parentType = parentType as StateBlock['parentType'];
  state.lineMax = body.end;
  state.blkIndent = body.indent;
  state.md.block.tokenize(state, body.start, body.end);
  state.parentType = oldParent;
  state.lineMax = oldLineMax;
  state.blkIndent = oldIndent;
  state.line = body.end;
}
