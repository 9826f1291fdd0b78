/**
 * Search snippets, cut from a section's text in JS: the words a query matched, marked, in
 * the stretch of the text that holds most of them. Pure: no SQLite here.
 *
 * Why not FTS5's snippet(): it needs a second MATCH pass over the index and re-reads each
 * section through the FTS view (inflating the text and joining the page row), which cost as
 * much as ranking itself. Here the top sections' texts are read by id, and the words FTS5
 * matched are found by snippet-highlighter.ts; this file chooses the stretch to show around
 * them, prose first (line-kind.ts).
 */
import { findHits, hasToken, isTokenChar, tokenEnd, type Hit, type Highlighter } from './snippet-highlighter';
import { lineAt, type Line } from './line-kind';

/** Characters of text in a snippet (about the 18 tokens FTS5's snippet() was given). */
export const SNIPPET_CHARS = 140;
/** Characters shown before the first marked word, when no sentence starts closer. */
const LEAD_CHARS = 30;
const ELLIPSIS = '…';

/** Stops that end a sentence when a space follows. */
const STOPS = '.!?:;';
const SPACE = /\s/;
/** Matches tried as the start of the snippet's stretch. */
const MAX_CANDIDATES = 200;

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
