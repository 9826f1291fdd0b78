import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import {
  normaliseKey,
  parseQuery,
  plainWords,
  titleKeyOf,
  tokenize,
  toMatchExpression,
  withoutStopwords,
} from '../../../src/main/search/fts-query';

/** A tiny random generator with a seed, so a failing fuzz case can be replayed. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const PIECES = [
  '"',
  "'",
  '(',
  ')',
  '*',
  ':',
  '^',
  '-',
  '+',
  'NEAR',
  'NEAR(',
  'OR',
  'AND',
  'NOT',
  '{',
  '}',
  ',',
  '\\',
  ';',
  '--',
  '/*',
  'é',
  'ß',
  '日本',
  '🚀',
  '\u200b',
  '\u202e',
  '\0',
  ' ',
  '  ',
  '\t',
  'circuit',
  'breaker',
  'hlc',
  '2pc',
  'a',
  'x*y',
  '"a b',
  'col:val',
  '||',
  '%',
  '_',
];

function randomQuery(next: () => number): string {
  const n = Math.floor(next() * 12);
  let out = '';
  for (let i = 0; i < n; i++) {
    out +=
      next() < 0.8
        ? PIECES[Math.floor(next() * PIECES.length)]
        : String.fromCharCode(Math.floor(next() * 0x3000));
  }
  return out;
}

describe('tokenize', () => {
  it('splits like unicode61 with diacritics folded', () => {
    expect(tokenize('Café-Crème: HLC/2PC')).toEqual(['cafe', 'creme', 'hlc', '2pc']);
    expect(normaliseKey('  Two-Phase Commit (2PC) ')).toBe('two phase commit 2pc');
  });

  it('splits ASCII text (its fast path) exactly as text with other characters', () => {
    const next = rng(7);
    const ascii = ' -_.,:;/\\()[]{}"\'`*+#@!?abcXYZ019\t\n\u0001';
    for (let i = 0; i < 500; i++) {
      const text = Array.from(
        { length: 1 + Math.floor(next() * 30) },
        () => ascii[Math.floor(next() * ascii.length)],
      ).join('');
      // A trailing non-ASCII letter takes the Unicode path without changing the tokens before it.
      expect(tokenize(`${text} é`).slice(0, -1), JSON.stringify(text)).toEqual(tokenize(text));
    }
    expect(tokenize('snake_case x-y 2PC')).toEqual(['snake', 'case', 'x', 'y', '2pc']);
  });
});

describe('parseQuery', () => {
  it('reads words, phrases, exclusions and OR', () => {
    const q = parseQuery('circuit "half open" -retry bulkhead OR timeout');
    expect(q.groups.map((g) => g.alternatives.map((t) => t.tokens.join(' ')))).toEqual([
      ['circuit'],
      ['half open'],
      ['bulkhead', 'timeout'],
    ]);
    expect(q.excluded.map((t) => t.tokens)).toEqual([['retry']]);
    expect(q.groups[1]!.alternatives[0]!.phrase).toBe(true);
  });

  it('treats the last word as a prefix only while typing it', () => {
    expect(parseQuery('circuit bre', { prefixLast: true }).groups[1]!.alternatives[0]!.prefix).toBe(true);
    expect(parseQuery('circuit bre ', { prefixLast: true }).groups[1]!.alternatives[0]!.prefix).toBe(false);
    expect(parseQuery('circuit bre').groups[1]!.alternatives[0]!.prefix).toBe(false);
    expect(parseQuery('"circuit bre"', { prefixLast: true }).groups[0]!.alternatives[0]!.prefix).toBe(false);
    // one letter is a prefix only when asked for (the quick switcher)
    expect(parseQuery('circuit b', { prefixLast: true }).groups[1]!.alternatives[0]!.prefix).toBe(false);
    expect(
      parseQuery('circuit b', { prefixLast: true, minPrefixLength: 1 }).groups[1]!.alternatives[0]!.prefix,
    ).toBe(true);
  });

  it('keeps a hyphenated word together as a phrase and an unclosed quote as a phrase to the end', () => {
    expect(parseQuery('half-open').groups[0]!.alternatives[0]).toMatchObject({
      tokens: ['half', 'open'],
      phrase: true,
    });
    expect(parseQuery('"fail fast').groups[0]!.alternatives[0]).toMatchObject({
      tokens: ['fail', 'fast'],
      phrase: true,
    });
  });

  it('records where each word stands, for rewriting typos', () => {
    const text = 'the  idempotncy keys';
    const [, typo] = plainWords(parseQuery(text));
    expect(text.slice(...typo!.span)).toBe('idempotncy');
  });

  it('drops stop words unless nothing else is left', () => {
    expect(titleKeyOf(withoutStopwords(parseQuery('how to prevent cascading failures')))).toBe(
      'prevent cascading failures',
    );
    expect(titleKeyOf(withoutStopwords(parseQuery('the')))).toBe('the');
  });
});

describe('toMatchExpression', () => {
  it('quotes every token and writes groups, OR and NOT', () => {
    expect(toMatchExpression(parseQuery('circuit "half open" -retry bulkhead OR timeout'))).toBe(
      '("circuit" AND "half open" AND ("bulkhead" OR "timeout")) NOT ("retry")',
    );
    expect(toMatchExpression(parseQuery('-only -exclusions'))).toBeNull();
    expect(toMatchExpression(parseQuery('a b'), { mode: 'any' })).toBe('("a" OR "b")');
  });

  it('expands a prefix to the corpus words that start with it', () => {
    expect(
      toMatchExpression(parseQuery('consistenc', { prefixLast: true }), {
        expand: () => ['consistency', 'consistencies'],
      }),
    ).toBe('("consistenc" OR "consistenc" * OR "consistency" OR "consistencies")');
    // a one-letter FTS5 prefix query would merge thousands of doclists: the expansions only
    expect(
      toMatchExpression(parseQuery('c', { prefixLast: true, minPrefixLength: 1 }), {
        expand: () => ['cache', 'cap'],
      }),
    ).toBe('("c" OR "cache" OR "cap")');
    // completions that are all the prefix may match (those used in page names): no open-ended term
    expect(
      toMatchExpression(parseQuery('strang', { prefixLast: true }), {
        expand: () => ['strangler'],
        closed: (p) => p === 'strang',
      }),
    ).toBe('("strangler")');
  });

  it('drops the question words of a plain-words question, keeping the ones that carry meaning here', () => {
    const words = (q: string) =>
      withoutStopwords(parseQuery(q)).groups.map((g) => g.alternatives[0]!.tokens[0]);
    expect(words('how do services find each other')).toEqual(['services', 'find']);
    expect(words('exactly once delivery')).toEqual(['exactly', 'once', 'delivery']);
    expect(words('scale down between regions')).toEqual(['scale', 'down', 'between', 'regions']);
    // A question's verb of happening names no topic: only the topic has to be in the section.
    expect(words('what happens when the network partitions')).toEqual(['network', 'partitions']);
  });

  it('never produces an expression FTS5 rejects, whatever is typed (fuzz)', () => {
    const db = new BetterSqlite3(':memory:');
    db.exec(`CREATE VIRTUAL TABLE t USING fts5(a, b, tokenize = 'porter unicode61 remove_diacritics 2');
             INSERT INTO t VALUES ('circuit breaker half open', 'hlc 2pc near or and not');`);
    const stmt = db.prepare('SELECT rowid FROM t WHERE t MATCH ?');
    const next = rng(42);
    for (let i = 0; i < 3000; i++) {
      const input = randomQuery(next);
      for (const mode of ['all', 'any'] as const) {
        const expr = toMatchExpression(parseQuery(input, { prefixLast: true }), {
          mode,
          expand: (p) => [p + 'x'],
        });
        if (expr !== null) expect(() => stmt.all(expr), JSON.stringify(input)).not.toThrow();
      }
    }
    db.close();
  });
});
