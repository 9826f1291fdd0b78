/**
 * What each line of a section's text is — prose, a short line (a table cell, a label) or
 * machine text (code, a diagram's source) — so that snippets show prose first. Pure.
 */

/** What a line of a section's text is: prose, a short line (a table cell, a label), or machine text. */
export type LineKind = 'prose' | 'short' | 'code';

/** Words a diagram's source line starts with (mermaid). */
const DIAGRAM_LINE =
  /^(graph|flowchart|sequenceDiagram|classDiagram|stateDiagram|erDiagram|gantt|pie|journey|gitGraph|mindmap|timeline|quadrantChart|participant|actor|subgraph|end|style|classDef|class|linkStyle|click|note|loop|alt|else|opt|par|critical|rect|autonumber|activate|deactivate|dateFormat|section)\b/;
/** Arrows of a diagram's edges. */
const DIAGRAM_EDGE = /-->|->>|-\.->|==>|--[xo]\b/;
/** How a line of code or configuration starts: a comment, or a lowercase keyword (prose starts with a capital). */
const CODE_LINE =
  /^(#|\/\/|def|class|import|from|return|if|elif|else|for|while|func|function|const|let|var|public|private|package|async|await|try|catch|except|raise|throw|select|insert|update|delete|create|[a-z_][\w-]*:\s)/;
/** Lines with at least this many words are prose (shorter ones are table cells, labels, terms). */
const PROSE_WORDS = 5;

/**
 * The kind of one line of a section's text. The text keeps a code block's or diagram's lines
 * as they were written (indented, keyword-led, full of symbols), while a paragraph, list item
 * or table cell is one unindented line: so the line says which it is.
 */
export function lineKind(line: string): LineKind {
  if (/^\s/.test(line) || DIAGRAM_LINE.test(line) || DIAGRAM_EDGE.test(line) || CODE_LINE.test(line))
    return 'code';
  let symbols = 0;
  let letters = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) letters++;
    else if ('{}()[];=<>$#@*/\\|`'.includes(line[i]!)) symbols++;
  }
  if (symbols * 4 > letters || /[{;]\s*$/.test(line)) return 'code';
  return line.split(/\s+/).filter(Boolean).length >= PROSE_WORDS ? 'prose' : 'short';
}

/** A line of the text: where it starts and ends (before its line break) and its kind. */
export interface Line {
  start: number;
  end: number;
  kind: LineKind;
}

/** The line around a position, classified once per line. */
export function lineAt(text: string, at: number, cache: Map<number, Line>): Line {
  const start = text.lastIndexOf('\n', at - 1) + 1;
  let line = cache.get(start);
  if (!line) {
    const nl = text.indexOf('\n', start);
    const end = nl === -1 ? text.length : nl;
    line = { start, end, kind: lineKind(text.slice(start, end)) };
    cache.set(start, line);
  }
  return line;
}
