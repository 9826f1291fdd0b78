/**
 * What a query's words are in this corpus — their forms, their completions while typing, their
 * corrections when misspelt, the pages whose names hold them, their thesaurus alternatives —
 * looked up in content.db and remembered per index generation (one QueryWords per generation:
 * a rebuilt index drops them all). Words repeat from one search to the next as someone types.
 */
import { stemmer } from 'stemmer';
import { plainWords, type MatchOptions, type ParsedQuery } from './fts-query';
import type { SearchRepository } from './search-repository';
import type { QueryVocabulary } from './snippet-highlighter';
import { bestCorrection, maxEditsFor, trigramExpression } from './spelling';

/** How many corpus words a prefix expands to. */
const PREFIX_EXPANSIONS = 12;
const TRIGRAM_CANDIDATES = 2000;
/** How many corpus words a stemmed prefix marks at most. */
const STEM_PREFIX_FORMS = 200;

/** The words a prefix expands to, and whether they are all it matches (see QueryWords.expansion). */
interface Expansion {
  words: string[];
  closed: boolean;
}

/** A thesaurus alternative of a phrase (thesaurus.ts). */
export interface Alternative {
  alt: string;
  weight: number;
}

/** The per-word lookups of one index generation, each remembered (up to `cacheSize` entries per kind; 0: none). */
export class QueryWords implements QueryVocabulary {
  private readonly corrections = new Map<string, string | null>();
  /** A word's corpus forms (the words sharing its stem), null for a word not in the vocabulary. */
  private readonly formsByWord = new Map<string, string[] | null>();
  private readonly expansions = new Map<string, Expansion>();
  private readonly about = new Map<string, [number, number][]>();
  private readonly alternatives = new Map<string, Alternative[]>();
  /** The prefix expansion of MATCH expressions (see expansion). */
  readonly matchOptions: MatchOptions = {
    expand: (prefix) => this.expansion(prefix).words,
    closed: (prefix) => this.expansion(prefix).closed,
  };

  constructor(
    private readonly repo: SearchRepository,
    private readonly cacheSize: number,
  ) {}

  /** The cached value of key, computed on a miss; a full cache is emptied (per-word lookups repeat within a session). */
  private remember<V>(cache: Map<string, V>, key: string, compute: () => V): V {
    if (cache.has(key)) return cache.get(key)!;
    const value = compute();
    if (this.cacheSize > 0) {
      if (cache.size >= this.cacheSize) cache.clear();
      cache.set(key, value);
    }
    return value;
  }

  /**
   * The corpus words a prefix expands to in MATCH expressions: its completions used in page
   * names when it has any — "strang" is typed for "strangler", not "strange" — and then nothing
   * else; otherwise its most frequent completions.
   */
  expansion(prefix: string): Expansion {
    return this.remember(this.expansions, prefix, () => {
      const names = this.repo.findNameTermsWithPrefix(prefix, PREFIX_EXPANSIONS);
      return names.length > 0
        ? { words: names, closed: true }
        : { words: this.repo.findTermsWithPrefix(prefix, PREFIX_EXPANSIONS), closed: false };
    });
  }

  /** [page number, 1 when its names have it else 0] of the pages whose names or summary match an FTS5 expression. */
  aboutPages(expr: string): [number, number][] {
    return this.remember(this.about, expr, () => this.repo.findAboutPages(expr));
  }

  /** Each phrase's thesaurus alternatives (none for most), looked up in one statement for those not remembered yet. */
  alternativesOf(phrases: readonly string[]): Map<string, Alternative[]> {
    const entries = new Map(
      phrases.flatMap((k) => (this.alternatives.has(k) ? [[k, this.alternatives.get(k)!] as const] : [])),
    );
    const unknown = phrases.filter((k) => !entries.has(k));
    if (unknown.length > 0) {
      for (const k of unknown) entries.set(k, []);
      for (const { key, alt, weight } of this.repo.findAlternatives(unknown))
        entries.get(key)!.push({ alt, weight });
      // An entry-less phrase is remembered too.
      for (const k of unknown) this.remember(this.alternatives, k, () => entries.get(k)!);
    }
    return entries;
  }

  /** The query with each unknown word replaced by the closest corpus word, or null when nothing changes. */
  correct(text: string, parsed: ParsedQuery): string | null {
    const edits: { span: [number, number]; word: string }[] = [];
    for (const term of plainWords(parsed)) {
      const word = term.tokens[0]!;
      const key = term.prefix ? `${word}*` : word;
      const fix = this.remember(this.corrections, key, () => this.correctWord(word, term.prefix));
      if (fix) edits.push({ span: term.span, word: fix });
    }
    if (edits.length === 0) return null;
    let out = text;
    for (const e of edits.sort((a, b) => b.span[0] - a.span[0]))
      out = out.slice(0, e.span[0]) + e.word + out.slice(e.span[1]);
    return out;
  }

  /** True when the word is in the corpus vocabulary. */
  isWord(word: string): boolean {
    return this.vocabularyForms(word) !== null;
  }

  private vocabularyForms(word: string): string[] | null {
    return this.remember(this.formsByWord, word, () => this.repo.findWordForms(word));
  }

  /**
   * Every spelling FTS5 matches for a query word: the corpus words with its stem. A word the
   * corpus does not use (a number, an inflection it never has) is stemmed here to find them.
   */
  forms(word: string): readonly string[] {
    const known = this.vocabularyForms(word);
    if (known) return known;
    return /[a-z]/.test(word) ? [word, ...this.repo.findStemForms(stemmer(word))] : [word];
  }

  /** What FTS5 matches for the last word while typing, beyond the words that start with it (see QueryVocabulary). */
  prefixForms(prefix: string): readonly string[] {
    const { words, closed } = this.expansion(prefix);
    const expanded = words.flatMap((w) => this.forms(w));
    // FTS5 stems an open prefix too: "kubernets*" is "kubernet*", which matches "kubernetes".
    const stem = stemmer(prefix);
    return closed || stem === prefix
      ? expanded
      : [...expanded, ...this.repo.findTermsWithStemPrefix(stem, STEM_PREFIX_FORMS)];
  }

  /** True when a prefix's expansion is all it matches (see expansion). */
  closedPrefix(prefix: string): boolean {
    return this.expansion(prefix).closed;
  }

  /** The closest corpus word to an unknown word (null for a known word, a known prefix or no close word). */
  private correctWord(word: string, prefix: boolean): string | null {
    if (this.isWord(word)) return null;
    if (prefix && this.repo.findTermsWithPrefix(word, 1).length > 0) return null;
    const expr = trigramExpression(word);
    if (!expr) return null;
    const maxEdits = maxEditsFor(word);
    return bestCorrection(
      word,
      this.repo.findTrigramCandidates(
        expr,
        word.length - maxEdits,
        word.length + maxEdits,
        TRIGRAM_CANDIDATES,
      ),
    );
  }
}
