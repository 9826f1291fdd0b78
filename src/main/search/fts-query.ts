/**
 * The search box's query language, parsed into a small tree and written out as an
 * FTS5 MATCH expression. Pure: no SQLite here.
 *
 * Language: words (AND), "exact phrase", -exclude (word or phrase), OR between two
 * items, and the last word as a prefix while typing. Every token that reaches FTS5 is
 * made of letters and digits only and is double-quoted, so nothing a person types can
 * produce an FTS5 syntax error: unknown syntax (`*`, `^`, `:`, `NEAR(`, parentheses…)
 * is simply treated as separators.
 */

/** One searchable item: a word (one token) or a phrase (tokens that must be adjacent). */
export interface QueryTerm {
  tokens: string[];
  /** Written in quotes, or a hyphenated/dotted word that splits into several tokens. */
  phrase: boolean;
  /** The last word while typing: also matches words that start with it. */
  prefix: boolean;
  /** Where the word stands in the input (start, end), for rewriting it when correcting a typo. */
  span: [number, number];
}

/** Alternatives joined by OR; a plain word is a group of one. */
export interface QueryGroup {
  alternatives: QueryTerm[];
}

export interface ParsedQuery {
  /** All must match (AND). */
  groups: QueryGroup[];
  /** None may match. */
  excluded: QueryTerm[];
}

export interface ParseOptions {
  /** Treat the last word as a prefix unless the input ends with a space (results as you type). */
  prefixLast?: boolean;
  /** Shortest last word taken as a prefix (default 2: one letter finds half the corpus). */
  minPrefixLength?: number;
}

/** More items than this are ignored: nobody types them, and they would only slow SQLite down. */
const MAX_ITEMS = 32;
const MAX_TOKEN_LENGTH = 64;

/**
 * Splits text into lowercase tokens the way FTS5's unicode61 tokenizer with
 * remove_diacritics does (letters, digits and private-use characters; diacritics folded).
 */
export function tokenize(text: string): string[] {
  // ASCII (nearly every query): the same tokens without normalising, and without compiling
  // the Unicode-property expressions below (half a millisecond on the first search).
  // eslint-disable-next-line no-control-regex
  if (/^[\x00-\x7f]*$/.test(text))
    return (text.toLowerCase().match(/[a-z0-9]+/g) ?? []).map((t) => t.slice(0, MAX_TOKEN_LENGTH));
  const folded = text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
  return (folded.match(/[\p{L}\p{N}\p{Co}]+/gu) ?? []).map((t) => t.slice(0, MAX_TOKEN_LENGTH));
}

/** Lowercase, diacritics folded, everything but letters and digits collapsed to one space. */
export function normaliseKey(text: string): string {
  return tokenize(text).join(' ');
}

/** Parses whatever the user typed. Never throws. */
export function parseQuery(input: string, opts: ParseOptions = {}): ParsedQuery {
  const items: { term: QueryTerm; negated: boolean; orWithPrevious: boolean }[] = [];
  let negateNext = false;
  let orPending = false;
  let lastWasPlainWord = false;
  let i = 0;
  const n = input.length;
  const push = (term: QueryTerm, plainWord: boolean): void => {
    items.push({ term, negated: negateNext, orWithPrevious: orPending && items.length > 0 && !negateNext });
    negateNext = false;
    orPending = false;
    lastWasPlainWord = plainWord;
  };
  while (i < n && items.length < MAX_ITEMS) {
    const c = input[i]!;
    if (/\s/u.test(c)) {
      i++;
      continue;
    }
    if (c === '-' && i + 1 < n && !/[\s-]/u.test(input[i + 1]!)) {
      negateNext = true;
      i++;
      continue;
    }
    if (c === '"') {
      const close = input.indexOf('"', i + 1);
      const end = close === -1 ? n : close;
      const tokens = tokenize(input.slice(i + 1, end));
      if (tokens.length > 0)
        push({ tokens, phrase: true, prefix: false, span: [i, Math.min(end + 1, n)] }, false);
      else negateNext = false;
      i = end + 1;
      continue;
    }
    let end = i;
    while (end < n && !/\s/u.test(input[end]!) && input[end] !== '"') end++;
    const raw = input.slice(i, end);
    if (raw === 'OR' || raw === '|' || raw === '||') {
      orPending = items.length > 0;
    } else if (raw === 'NOT') {
      negateNext = true;
    } else if (raw !== 'AND' && raw !== '&&') {
      const tokens = tokenize(raw);
      if (tokens.length > 0)
        push({ tokens, phrase: tokens.length > 1, prefix: false, span: [i, end] }, tokens.length === 1);
      else negateNext = false;
    }
    i = end;
  }

  const last = items.at(-1);
  if (
    opts.prefixLast &&
    last &&
    lastWasPlainWord &&
    !last.negated &&
    !/[\s"]$/u.test(input) &&
    last.term.tokens[0]!.length >= (opts.minPrefixLength ?? 2)
  ) {
    last.term.prefix = true;
  }

  const groups: QueryGroup[] = [];
  const excluded: QueryTerm[] = [];
  for (const item of items) {
    if (item.negated) excluded.push(item.term);
    else if (item.orWithPrevious && groups.length > 0) groups.at(-1)!.alternatives.push(item.term);
    else groups.push({ alternatives: [item.term] });
  }
  return { groups, excluded };
}

/** True when the query has nothing to search for (browse mode). */
export function isEmptyQuery(q: ParsedQuery): boolean {
  return q.groups.length === 0;
}

/**
 * Common English words that say nothing about a topic ("how to prevent …", "how do services
 * find each other"): NLTK's English stop list, without the words that carry meaning in this
 * domain ("exactly once", "scale down", "fail over", "between regions", "all", "no", …), plus
 * the verb of a "what happens when …" question, which names no topic.
 */
const STOPWORDS = new Set(
  'a about am an and are as at be because happen happens happened been being both but by can did do does doing each few for from had has have having he her here hers herself him himself his how i if in into is it its itself just me my myself now of on or other our ours ourselves out she should so some such than that the their theirs them themselves then there these they this those to too up very was we were what when where which while who whom why will with you your yours yourself yourselves'.split(
    ' ',
  ),
);

/**
 * Drops groups that are a single stop word, unless nothing else would remain: in a
 * concept query ("how to prevent cascading failures") requiring "how" and "to" in the
 * same section only loses good results.
 */
export function withoutStopwords(q: ParsedQuery): ParsedQuery {
  const isStop = (g: QueryGroup): boolean =>
    g.alternatives.length === 1 &&
    !g.alternatives[0]!.phrase &&
    !g.alternatives[0]!.prefix &&
    STOPWORDS.has(g.alternatives[0]!.tokens[0]!);
  const kept = q.groups.filter((g) => !isStop(g));
  return kept.length > 0 ? { ...q, groups: kept } : q;
}

/** The words of the query that came from plain words (the candidates for typo correction). */
export function plainWords(q: ParsedQuery): QueryTerm[] {
  return q.groups.flatMap((g) => g.alternatives).filter((t) => !t.phrase);
}

function quote(tokens: string[]): string {
  // Tokens hold letters and digits only (see tokenize), so they never contain a quote.
  return `"${tokens.join(' ')}"`;
}

/**
 * Writes a term as FTS5 syntax. A prefix term matches the word itself, its stemmed
 * prefix, and the corpus words that start with it (`expand`): porter stems a prefix
 * query term, so "consistenc*" alone would miss "consistency".
 */
function termExpression(
  t: QueryTerm,
  expand: (prefix: string) => string[],
  closed: (prefix: string) => boolean,
): string {
  if (!t.prefix) return quote(t.tokens);
  const word = t.tokens[0]!;
  const completions = expand(word)
    .filter((w) => w !== word)
    .map((w) => quote([w]));
  // Completions that are all the prefix may match stand alone: the prefix itself, stemmed by
  // FTS5, would match other words ("strang" matches "strange", whose stem it is).
  if (closed(word) && completions.length > 0) return `(${completions.join(' OR ')})`;
  // A one-letter FTS5 prefix query merges the doclists of thousands of terms: only the expansions then.
  const stemmed = word.length >= 2 ? [`${quote([word])} *`] : [];
  return `(${[quote([word]), ...stemmed, ...completions].join(' OR ')})`;
}

export interface MatchOptions {
  /** Corpus words that start with a prefix, for the last word while typing. */
  expand?: (prefix: string) => string[];
  /**
   * True when `expand` gave every word a prefix may match (the completions used in page names,
   * see SearchService): no open-ended prefix term then. Default: never.
   */
  closed?: (prefix: string) => boolean;
  /** 'all' (the default): every group must match; 'any': at least one (used to relax a query that found little). */
  mode?: 'all' | 'any';
}

/** The FTS5 MATCH expression for a parsed query, or null when there is nothing to match. */
export function toMatchExpression(q: ParsedQuery, opts: MatchOptions = {}): string | null {
  if (q.groups.length === 0) return null;
  const expand = opts.expand ?? (() => []);
  const closed = opts.closed ?? (() => false);
  const groups = q.groups.map((g) => {
    const alts = g.alternatives.map((t) => termExpression(t, expand, closed));
    return alts.length === 1 ? alts[0]! : `(${alts.join(' OR ')})`;
  });
  const positive =
    groups.length === 1 ? groups[0]! : `(${groups.join(opts.mode === 'any' ? ' OR ' : ' AND ')})`;
  if (q.excluded.length === 0) return positive;
  return `${positive} NOT (${q.excluded.map((t) => quote(t.tokens)).join(' OR ')})`;
}

/** The query as plain text for the exact-title check: its words, operators and quotes removed. */
export function titleKeyOf(q: ParsedQuery): string {
  return q.groups
    .map((g) => g.alternatives[0]!)
    .flatMap((t) => t.tokens)
    .join(' ');
}
