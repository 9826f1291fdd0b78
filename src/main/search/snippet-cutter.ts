/**
 * Search snippets, cut from a section's text in JS: the words a query matched, marked, in
 * the stretch of the text that holds most of them. Pure: no SQLite here.
 *
 * Why not FTS5's snippet(): it needs a second MATCH pass over the index and re-reads each
 * section through the FTS view (inflating the text and joining the page row), which cost as
 * much as ranking itself (0.36 ms of a 1.1 ms query, 2 ms of the first one). Here the top
 * sections' texts are read by id, and the words FTS5 matched are found by one native regular
 * expression: FTS5 matches a word by its Porter stem, so the query's words are given with
 * every corpus word of the same stem (their forms, from the vocabulary the importer built
 * with FTS5's own stemmer). Nothing is stemmed here, and a long section costs no per-word JS.
 */
import type { ParsedQuery } from './fts-query';

/** Characters of text in a snippet (about the 18 tokens FTS5's snippet() was given). */
export const SNIPPET_CHARS = 140;
/** Characters shown before the first marked word, when no sentence starts closer. */
const LEAD_CHARS = 30;
const ELLIPSIS = '…';

/**
 * What separates tokens as FTS5's unicode61 tokenizer sees it (everything else is a token
 * character), approximated as UTF-16 ranges: ASCII and Latin-1 punctuation and space, spacing
 * modifiers and combining marks, general punctuation, arrows, symbols, box drawing and
 * dingbats, CJK punctuation, surrogates (astral characters: emoji), variation selectors and
 * full-width punctuation. Where it differs from unicode61 (rare scripts' marks and symbols)
 * it changes only which words are marked. Tested by code unit rather than by a regular
 * expression, which the first search would compile (and V8 compiles again, natively, on its
 * second use): `\p{L}`… alone cost ~0.4 ms there.
 */
const SEPARATOR_RANGES: readonly (readonly [number, number])[] = [
  [0x00, 0x2f],
  [0x3a, 0x40],
  [0x5b, 0x60],
  [0x7b, 0xbf],
  [0xd7, 0xd7],
  [0xf7, 0xf7],
  [0x2b0, 0x36f],
  [0x2000, 0x2bff],
  [0x2e00, 0x2e7f],
  [0x3000, 0x303f],
  [0xd800, 0xdfff],
  [0xfe00, 0xfe0f],
  [0xfe30, 0xfe4f],
  [0xff00, 0xff0f],
  [0xff1a, 0xff20],
];
const hex = (c: number): string => `\\u${c.toString(16).padStart(4, '0')}`;
/** The next token at or after lastIndex (used for phrases only). */
const NEXT_TOKEN = new RegExp(`[^${SEPARATOR_RANGES.map(([a, b]) => `${hex(a)}-${hex(b)}`).join('')}]+`, 'g');
/** Stops that end a sentence when a space follows. */
const STOPS = '.!?:;';
const SPACE = /\s/;
/** Matches tried as the start of the snippet's stretch. */
const MAX_CANDIDATES = 200;

/** The corpus words (lowercase, diacritics folded) that FTS5 matches for a query word. */
export interface QueryVocabulary {
  /** For a word: the word and every corpus word sharing its stem. */
  forms(word: string): readonly string[];
  /**
   * For the last word while typing, beyond the words that start with it: the forms of the
   * corpus words it was expanded to in the MATCH expression (see toMatchExpression), and the
   * words whose stem starts with its stem ("consistenc" marks "consistent", a form of its
   * expansion "consistency"; "kubernets" marks "kubernetes").
   */
  prefixForms(prefix: string): readonly string[];
  /** True when prefixForms are all the prefix matches (see SearchService.expansion): other words starting with it are not marked. */
  closedPrefix?(prefix: string): boolean;
}

/** One positive query term: the forms of each of its tokens (several for a phrase) and, for the last word while typing, the word itself. */
interface Pattern {
  forms: Set<string>[];
  prefix: string | null;
}

/** What a query marks in a text: built once per search, used for each result's snippet. */
export interface Highlighter {
  patterns: Pattern[];
  /** Finds every place where a pattern's first token may start (word boundaries are checked after). */
  candidates: RegExp;
}

/**
 * The marks of a query: every word and phrase it asks for (excluded ones are never shown),
 * spelt as `vocabulary` says FTS5 matches them. Null when the query has no term.
 */
export function highlighterFor(q: ParsedQuery, vocabulary: QueryVocabulary): Highlighter | null {
  const patterns: Pattern[] = q.groups
    .flatMap((g) => g.alternatives)
    .map((t) =>
      t.prefix
        ? {
            forms: [new Set([t.tokens[0]!, ...vocabulary.prefixForms(t.tokens[0]!)])],
            prefix: vocabulary.closedPrefix?.(t.tokens[0]!) ? null : t.tokens[0]!,
          }
        : { forms: t.tokens.map((w) => new Set(vocabulary.forms(w))), prefix: null },
    );
  // Query tokens and corpus words are letters and digits only, so they need no escaping;
  // longest first, so that a word is not taken for a shorter form it starts with.
  const firsts = [...new Set(patterns.flatMap((p) => [...p.forms[0]!]))].sort((a, b) => b.length - a.length);
  if (firsts.length === 0) return null;
  return { patterns, candidates: new RegExp(firsts.join('|'), 'gi') };
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) =>
    c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : '&#39;',
  );
}

/** Escaped text with its whitespace collapsed. */
function show(text: string): string {
  return escapeHtml(text.replace(/\s+/g, ' '));
}

/** Text shown as a snippet without marks (a page's description): whitespace collapsed, escaped. */
export function plainSnippetHtml(text: string): string {
  return show(text).trim();
}

function isTokenChar(text: string, i: number): boolean {
  if (i < 0 || i >= text.length) return false;
  const c = text.charCodeAt(i);
  if (c < 0x80) return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
  for (const [from, to] of SEPARATOR_RANGES) {
    if (c < from) return true;
    if (c <= to) return false;
  }
  return true;
}

/** True when the text has a token character (a text of separators only has no snippet). */
function hasToken(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (isTokenChar(text, i)) return true;
  return false;
}

/** The end of the token that starts at or before `i`. */
function tokenEnd(text: string, i: number): number {
  while (isTokenChar(text, i)) i++;
  return i;
}

/**
 * Where the last sentence beginning in [from, at) begins (after a stop and a space, or after a
 * line break), or `from`. A scan back over a few characters, one character class tested per
 * stop: matching a sentence-break expression over the stretch cost a compilation on the first
 * search and another (native) on its second use.
 */
function sentenceStart(text: string, from: number, at: number): number {
  for (let j = at - 1; j >= from; j--) {
    if (j + 1 < at && STOPS.includes(text[j]!) && SPACE.test(text[j + 1]!)) return j + 2;
    if (text[j] === '\n') return j + 1;
  }
  return from;
}

interface Hit {
  start: number;
  end: number;
  pattern: number;
}

/** Every match of the highlighter's patterns in text, in order. */
function findHits(text: string, h: Highlighter): Hit[] {
  const hits: Hit[] = [];
  const re = h.candidates;
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    // A match inside a word is no match (and no other can start within that word).
    if (isTokenChar(text, m.index - 1)) continue;
    const end = tokenEnd(text, m.index + m[0].length);
    const word = text.slice(m.index, end).toLowerCase();
    const p = h.patterns.findIndex((pat) =>
      pat.prefix !== null ? word.startsWith(pat.prefix) || pat.forms[0]!.has(word) : pat.forms[0]!.has(word),
    );
    if (p === -1) continue;
    let last = end;
    // A phrase: the next tokens, whatever separates them, must be its next words.
    const forms = h.patterns[p]!.forms;
    let k = 1;
    for (; k < forms.length; k++) {
      NEXT_TOKEN.lastIndex = last;
      const next = NEXT_TOKEN.exec(text);
      if (!next || !forms[k]!.has(next[0].toLowerCase())) break;
      last = next.index + next[0].length;
    }
    if (k < forms.length) continue;
    hits.push({ start: m.index, end: last, pattern: p });
    re.lastIndex = last;
  }
  return hits;
}

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
interface Line {
  start: number;
  end: number;
  kind: LineKind;
}

/** The line around a position, classified once per line. */
function lineAt(text: string, at: number, cache: Map<number, Line>): Line {
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

/** A stretch of the text to show: [from, to) within the scope [lo, hi), and how good it is. */
interface Stretch {
  from: number;
  to: number;
  lo: number;
  hi: number;
  score: number;
}

/**
 * The best stretch of about `size` characters of text[lo, hi) around the hits (all inside
 * it): the one with the most different matched words, then the most matches, then the
 * earliest, starting at a sentence's start when one begins just before; cut at whole words.
 */
function bestStretch(text: string, hits: readonly Hit[], lo: number, hi: number, size: number): Stretch {
  let from = lo;
  let best = -1;
  // The stretch that starts just before each match is a candidate (the first ones, on a text full of matches).
  for (let k = 0; k < Math.min(hits.length, MAX_CANDIDATES); k++) {
    const hit = hits[k]!;
    const start = sentenceStart(text, Math.max(lo, hit.start - LEAD_CHARS), hit.start);
    // The matches inside the stretch are neighbours of this one in `hits` (sorted by position).
    const seen = new Set<number>();
    let count = 0;
    let last = hit.end;
    for (let j = k; j >= 0 && hits[j]!.start >= start; j--, count++) seen.add(hits[j]!.pattern);
    for (let j = k + 1; j < hits.length && hits[j]!.end <= start + size; j++, count++) {
      seen.add(hits[j]!.pattern);
      last = hits[j]!.end;
    }
    const score = seen.size * 1000 + count;
    // A scope that starts close enough is shown from its start.
    if (score > best) [best, from] = [score, last - lo <= size ? lo : start];
  }
  // Never cut a word: widen to whole words at both ends, then drop the separators at a cut.
  while (from > lo && isTokenChar(text, from - 1)) from--;
  let to = Math.min(hi, tokenEnd(text, Math.min(hi, from + size)));
  if (to < hi) while (to > from && !isTokenChar(text, to - 1)) to--;
  if (from > lo) while (from < to && !isTokenChar(text, from)) from++;
  return { from, to, lo, hi, score: best };
}

/** The stretch escaped, its matches marked, with an ellipsis where its scope was cut. */
function stretchHtml(text: string, hits: readonly Hit[], s: Stretch): string {
  let out = s.from > s.lo ? ELLIPSIS : '';
  let at = s.from;
  for (const hit of hits) {
    if (hit.start < s.from || hit.end > s.to) continue;
    out += `${show(text.slice(at, hit.start))}<mark>${escapeHtml(text.slice(hit.start, hit.end))}</mark>`;
    at = hit.end;
  }
  out += show(text.slice(at, s.to));
  return (s.to < s.hi ? out.trimEnd() + ELLIPSIS : out.trimEnd()).trimStart();
}

/** The best stretch among the lines the hits are on, each line on its own. */
function bestLineStretch(
  text: string,
  hits: readonly Hit[],
  lines: Map<number, Line>,
  size: number,
): Stretch {
  let best: Stretch | null = null;
  for (let i = 0; i < hits.length;) {
    const line = lineAt(text, hits[i]!.start, lines);
    let j = i;
    while (j < hits.length && hits[j]!.start < line.end) j++;
    const s = bestStretch(text, hits.slice(i, j), line.start, line.end, size);
    if (!best || s.score > best.score) best = s;
    i = j;
  }
  return best!;
}

/**
 * The snippet of `text` for a query: about `size` characters around the matched words, cut
 * at word boundaries, escaped, with `<mark>` around each match and an ellipsis where text was
 * cut. Prose is shown when it matches: a diagram's source, code and table cells only when
 * nothing else does — and a code or diagram line alone is shown as code (in `<code>`, the
 * only other HTML in a snippet). A text without matches gives its first prose (or its
 * beginning); a text of only separators gives ''.
 */
export function snippetHtml(text: string, h: Highlighter | null, size = SNIPPET_CHARS): string {
  if (!hasToken(text)) return '';
  const hits = h ? findHits(text, h) : [];
  const lines = new Map<number, Line>();
  const prose = hits.filter((hit) => lineAt(text, hit.start, lines).kind === 'prose');
  if (prose.length > 0) return stretchHtml(text, hits, bestLineStretch(text, prose, lines, size));
  const short = hits.filter((hit) => lineAt(text, hit.start, lines).kind === 'short');
  // Short lines (table cells) read best together: from the first matching one to the next machine text.
  if (short.length > 0) {
    const lo = lineAt(text, short[0]!.start, lines).start;
    let hi = lineAt(text, lo, lines).end;
    while (hi < text.length && lineAt(text, hi + 1, lines).kind !== 'code')
      hi = lineAt(text, hi + 1, lines).end;
    const within = short.filter((hit) => hit.end <= hi);
    return stretchHtml(text, within, bestStretch(text, within, lo, hi, size));
  }
  if (hits.length > 0)
    return `<code>${stretchHtml(text, hits, bestLineStretch(text, hits, lines, size))}</code>`;
  // No match: the first prose line, else the first short one; never machine text ('' then: the
  // caller shows the page's lead).
  for (const kind of ['prose', 'short'] as const)
    for (let at = 0; at < text.length; at = lineAt(text, at, lines).end + 1) {
      const line = lineAt(text, at, lines);
      if (line.kind === kind && hasToken(text.slice(line.start, line.end)))
        return stretchHtml(
          text,
          [],
          bestStretch(text, [], line.start, kind === 'prose' ? line.end : text.length, size),
        );
    }
  return '';
}
