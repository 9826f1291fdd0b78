/**
 * What a query marks in a text: the words FTS5 matched, found by one native regular
 * expression. FTS5 matches a word by its Porter stem, so the query's words are given with
 * every corpus word of the same stem (their forms, from the vocabulary the importer built with
 * FTS5's own stemmer): nothing is stemmed here, and a long text costs no per-word JS. Pure: no
 * SQLite here (snippet-cutter.ts chooses what to show around the marks).
 */
import type { ParsedQuery } from './fts-query';

/**
 * What separates tokens as FTS5's unicode61 tokenizer sees it (everything else is a token
 * character), approximated as UTF-16 ranges: ASCII and Latin-1 punctuation and space, spacing
 * modifiers and combining marks, general punctuation, arrows, symbols, box drawing and
 * dingbats, CJK punctuation, surrogates (astral characters: emoji), variation selectors and
 * full-width punctuation. Where it differs from unicode61 (rare scripts' marks and symbols)
 * it changes only which words are marked. Tested by code unit rather than by a regular
 * expression, which the first search would compile (and V8 compiles again, natively, on its
 * second use), a cost the first search would pay for `\p{L}` and its kin.
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
  /** True when prefixForms are all the prefix matches (see QueryWords.expansion): other words starting with it are not marked. */
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

/** True when the character at i is part of a token (false outside the text). */
export function isTokenChar(text: string, i: number): boolean {
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
export function hasToken(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (isTokenChar(text, i)) return true;
  return false;
}

/** The end of the token that starts at or before `i`. */
export function tokenEnd(text: string, i: number): number {
  while (isTokenChar(text, i)) i++;
  return i;
}

/** One match of a pattern in a text: [start, end) and which pattern. */
export interface Hit {
  start: number;
  end: number;
  pattern: number;
}

/** Every match of the highlighter's patterns in text, in order. */
export function findHits(text: string, h: Highlighter): Hit[] {
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
