import { describe, expect, it } from 'vitest';
import { parseQuery } from '../../../src/main/search/fts-query';
import { plainSnippetHtml, snippetHtml, SNIPPET_CHARS } from '../../../src/main/search/snippet-cutter';
import { highlighterFor, type QueryVocabulary } from '../../../src/main/search/snippet-highlighter';
import { lineKind } from '../../../src/main/search/line-kind';

/** A hand-written vocabulary: each word's forms (the corpus words of its stem). */
const FORMS: Record<string, string[]> = {
  retry: ['retry', 'retries', 'retried', 'retrying'],
  fail: ['fail', 'fails', 'failed', 'failing'],
  fast: ['fast'],
  consistency: ['consistency', 'consistent', 'consistently'],
  lock: ['lock', 'locks', 'locked', 'locking'],
};
const vocabulary: QueryVocabulary = {
  forms: (w) => FORMS[w] ?? [w],
  prefixForms: (p) => (p === 'consistenc' ? FORMS.consistency! : []),
};
const marks = (html: string): string[] => [...html.matchAll(/<mark>(.*?)<\/mark>/g)].map((m) => m[1]!);
const snippet = (query: string, text: string, size?: number): string =>
  snippetHtml(text, highlighterFor(parseQuery(query, { prefixLast: true }), vocabulary), size);

describe('snippetHtml', () => {
  it('marks every form of a query word, in any case, and only whole words', () => {
    const text = 'Retries fail. A retried call failed; a failsafe retrying loop FAILS.';
    expect(marks(snippet('retry fail ', text))).toEqual([
      'Retries',
      'fail',
      'retried',
      'failed',
      'retrying',
      'FAILS',
    ]);
  });

  it('marks a phrase as one match, only where its words follow each other', () => {
    const text = 'Fast fail is not the point: fail fast, and fail-fast again.';
    expect(marks(snippet('"fail fast"', text))).toEqual(['fail fast', 'fail-fast']);
  });

  it('marks the words a prefix starts and the forms of its expansions', () => {
    const text = 'Consistency models: a consistent read, eventually consistently. Consist.';
    expect(marks(snippet('consistenc', text))).toEqual(['Consistency', 'consistent', 'consistently']);
  });

  it('finds word boundaries beyond ASCII as unicode61 does: letters join words, punctuation and emoji part them', () => {
    const text = 'lock—locks, élock café·lock lockü 🔒lock「lock」';
    expect(marks(snippet('lock ', text))).toEqual(['lock', 'locks', 'lock', 'lock', 'lock']);
    expect(snippet('lock ', text)).toContain(' élock café·<mark>lock</mark> lockü 🔒<mark>lock</mark>');
  });

  it('never marks an excluded word', () => {
    expect(marks(snippet('retry -fail ', 'retry fail retry'))).toEqual(['retry', 'retry']);
  });

  it('shows the stretch with the most different words, starting at its sentence, cut at word boundaries', () => {
    const filler = 'Nothing to see in this part of the text at all. '.repeat(6);
    const text = `${filler}A lock may fail. ${filler}Here a lock is retried and the retry may fail again. ${filler}`;
    const html = snippet('lock retry fail ', text);
    expect(html.startsWith('…Here a <mark>lock</mark>')).toBe(true);
    expect(marks(html)).toEqual(['lock', 'retried', 'retry', 'fail']);
    expect(html.endsWith('…')).toBe(true);
    const shown = html.replace(/<\/?mark>/g, '').slice(1, -1);
    expect(shown.length).toBeLessThanOrEqual(SNIPPET_CHARS + 20);
    expect(text).toContain(shown);
  });

  it('escapes the text, marks being the only HTML, and collapses whitespace', () => {
    const html = snippet('lock ', 'Text <img src=x onerror=alert(1)>  with a\tlock & "key" \'s');
    expect(html).toBe(
      'Text &lt;img src=x onerror=alert(1)&gt; with a <mark>lock</mark> &amp; &quot;key&quot; &#39;s',
    );
  });

  it("shows matching prose rather than a diagram's source, code or table cells", () => {
    const text = [
      'sequenceDiagram',
      '    participant C as Lock client',
      '    C->>S: acquire lock',
      'Lock',
      'Owner',
      'A lock service grants the lock to one holder at a time and fences off stale holders.',
      '',
      'def acquire_lock(key):',
      '    return store.lock(key)',
    ].join('\n');
    const html = snippet('lock ', text);
    expect(html).toBe(
      'A <mark>lock</mark> service grants the <mark>lock</mark> to one holder at a time and fences off stale holders.',
    );
  });

  it('shows table cells when no prose matches, and a code or diagram line as code when only code matches', () => {
    expect(snippet('owner ', 'graph TB\n    A[Owner] --> B\nOwner\nThe holder of it')).toBe(
      '<mark>Owner</mark> The holder of it',
    );
    const code =
      'An intro paragraph that says nothing of the word.\n\n    acquire_lock(key, ttl=30)\n    release(key)';
    expect(snippet('lock ', code)).toBe('<code>acquire_<mark>lock</mark>(key, ttl=30)</code>');
    // without a match: the first prose, not the diagram above it
    expect(snippet('zebra ', 'flowchart LR\n    A --> B\nThe first real sentence of the section.')).toBe(
      'The first real sentence of the section.',
    );
  });

  it('marks only the completions of a closed prefix, not every word starting with it', () => {
    const closed: QueryVocabulary = {
      ...vocabulary,
      prefixForms: () => ['strangler'],
      closedPrefix: () => true,
    };
    const html = snippetHtml(
      'The strangler fig grows around a strange old tree, strangling it.',
      highlighterFor(parseQuery('strang', { prefixLast: true }), closed),
    );
    expect(marks(html)).toEqual(['strangler']);
  });

  it('tells prose from short lines and machine text by the line alone', () => {
    expect(lineKind('A lock service grants the lock to one holder.')).toBe('prose');
    expect(lineKind('Owner of the lock')).toBe('short');
    for (const line of [
      '    participant C',
      'sequenceDiagram',
      'graph TB',
      'C --> TC',
      'def acquire(key):',
      'const x = f(a, b);',
      'replicas: 3',
      'if (x) { y(); }',
      '# Retry with Circuit Breaker Integration',
      '// the breaker opens after five failures',
    ])
      expect(lineKind(line), line).toBe('code');
  });

  it('gives the beginning of a text without matches, and nothing for a text without words', () => {
    expect(snippet('zebra ', 'Short text, no match.')).toBe('Short text, no match.');
    expect(snippet('zebra ', 'word '.repeat(100)).endsWith('word…')).toBe(true);
    expect(snippet('zebra ', '  -- ** \n')).toBe('');
    // never a diagram's source: nothing, so that the caller shows the page's lead
    expect(snippet('zebra ', 'graph TB\n    A[Start] --> B[End]')).toBe('');
    expect(snippetHtml('Plain text.', null)).toBe('Plain text.');
  });

  it('returns no highlighter for a query without terms', () => {
    expect(highlighterFor(parseQuery('  '), vocabulary)).toBeNull();
  });

  it('stays linear on a long text full of matches', () => {
    const text = 'lock '.repeat(20000);
    const html = snippet('lock ', text);
    expect(marks(html).length).toBeGreaterThan(10);
    expect(html.endsWith('…')).toBe(true);
  });
});

describe('plainSnippetHtml', () => {
  it('escapes and collapses whitespace', () => {
    expect(plainSnippetHtml('  a <b>\n c  ')).toBe('a &lt;b&gt; c');
  });
});
