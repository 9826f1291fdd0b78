/**
 * A thesaurus mined from the corpus at index build: phrases the corpus itself says mean the
 * same — an acronym and its expansion ("Two-Phase Commit (2PC)"), a page's title and its
 * redirects' and file's names, the parenthesis or subtitle of a title. (Tags are not used: a
 * page tagged with a word is not named by it, and mapping them added noise.) Search adds them to a query as weaker alternatives (search-service.ts),
 * so that "2pc", "write ahead log" or a redirect's old name find the page that uses the other
 * name. Nothing here is written by hand: every pair comes from the corpus.
 */
import type { Database } from 'better-sqlite3';
import { normaliseKey } from './fts-query';

export interface ThesaurusEntry {
  key: string;
  alt: string;
  /** How surely alt means key, 0…1. */
  weight: number;
}

/** Longest key (in words) looked up for a query, and longest alternative kept. */
export const MAX_KEY_WORDS = 4;
const MAX_ALT_WORDS = 6;
/** An acronym's expansions that make up less than this share of its uses are left out (a clash of two meanings). */
const MIN_ACRONYM_SHARE = 0.3;

/** How surely each kind of evidence says two names mean the same. */
const WEIGHT = { acronym: 1, alias: 0.9, file: 0.8, parenthesis: 0.9, subtitle: 0.7 } as const;

const NUMBER_WORDS: Record<string, string> = { '1': 'one', '2': 'two', '3': 'three', '4': 'four' };
/** "Words Like These (WLT)" — up to six words, then an acronym of two to eight capitals or digits in parentheses. */
const EXPANSION_THEN_ACRONYM = /((?:[A-Za-z0-9][\w']*[\s-]+){1,6})\(([A-Z0-9][A-Za-z0-9]{1,7})\)/g;

/** True when the acronym's capitals and digits are the initials of the words (a digit may be its number word). */
function initialsMatch(letters: readonly string[], words: readonly string[]): boolean {
  return words.every(
    (w, i) => w[0]!.toUpperCase() === letters[i] || NUMBER_WORDS[letters[i]!] === w.toLowerCase(),
  );
}

/**
 * Every "Expansion (ACRONYM)" in a text whose initials spell the acronym, as [acronym,
 * expansion] keys; a plural acronym ("CRDTs") is taken in the singular.
 */
export function acronymPairs(text: string): [string, string][] {
  const out: [string, string][] = [];
  for (const m of text.matchAll(EXPANSION_THEN_ACRONYM)) {
    const acronym = m[2]!.replace(/(?<=[A-Z0-9]{2})s$/, '');
    const letters = [...acronym].filter((c) => /[A-Z0-9]/.test(c));
    const words = m[1]!.trim().split(/[\s-]+/);
    if (letters.length < 2 || letters.length !== acronym.length || letters.length > words.length) continue;
    const expansion = words.slice(-letters.length);
    if (initialsMatch(letters, expansion))
      out.push([normaliseKey(acronym), normaliseKey(expansion.join(' '))]);
  }
  return out;
}

/** A page's title without its parenthesis, subtitle and a trailing "Pattern": the name a reader uses. */
function mainName(title: string): string {
  return normaliseKey(
    title
      .replace(/\([^)]*\)/g, ' ')
      .split(/\s[-–—:|]\s|:\s/)[0]!
      .replace(/\s+pattern\s*$/i, ''),
  );
}

/** Pairs a page's title itself gives: its parenthesis ("Sharding (Data Partitioning)") and subtitle ("…: Fail Fast") name it too. */
export function titlePairs(title: string): ThesaurusEntry[] {
  const name = mainName(title);
  const out: ThesaurusEntry[] = [];
  for (const m of title.matchAll(/\(([^)]{1,60})\)/g))
    for (const part of m[1]!.split(/[/,]| or /))
      out.push({ key: normaliseKey(part), alt: name, weight: WEIGHT.parenthesis });
  const subtitle = title.replace(/\([^)]*\)/g, ' ').split(/\s[-–—:|]\s|:\s/)[1];
  if (subtitle) out.push({ key: normaliseKey(subtitle), alt: name, weight: WEIGHT.subtitle });
  return out;
}

/** The last segment of a page or redirect id as words (`two-phase-commit` → `two phase commit`). */
export function nameOfId(id: string): string {
  const parts = id.split('/');
  return normaliseKey(parts.at(-1) === 'index' && parts.length > 1 ? parts.at(-2)! : parts.at(-1)!);
}

function words(phrase: string): number {
  return phrase === '' ? 0 : phrase.split(' ').length;
}

/** Keeps usable pairs (short enough, different words), each (key, alt) once at its highest weight. */
function usable(entries: readonly ThesaurusEntry[]): ThesaurusEntry[] {
  const best = new Map<string, ThesaurusEntry>();
  for (const e of entries) {
    const k = words(e.key);
    const a = words(e.alt);
    if (k === 0 || a === 0 || k > MAX_KEY_WORDS || a > MAX_ALT_WORDS || e.key === e.alt) continue;
    // A name that only adds or drops a word of the other ("saga" / "saga orchestration") adds nothing a search would not find.
    const keyWords = new Set(e.key.split(' '));
    const altWords = e.alt.split(' ');
    if (altWords.every((w) => keyWords.has(w)) || [...keyWords].every((w) => altWords.includes(w))) continue;
    const id = `${e.key}\u0000${e.alt}`;
    if ((best.get(id)?.weight ?? -1) < e.weight) best.set(id, e);
  }
  return [...best.values()];
}

/** An acronym's expansions by share of its uses, the rare ones (another meaning, a mismatch) left out; both directions. */
function acronymEntries(pairs: readonly [string, string][]): ThesaurusEntry[] {
  const counts = new Map<string, Map<string, number>>();
  for (const [acronym, expansion] of pairs) {
    const m = counts.get(acronym) ?? new Map<string, number>();
    m.set(expansion, (m.get(expansion) ?? 0) + 1);
    counts.set(acronym, m);
  }
  const out: ThesaurusEntry[] = [];
  for (const [acronym, expansions] of counts) {
    const total = [...expansions.values()].reduce((a, b) => a + b, 0);
    for (const [expansion, n] of expansions) {
      if (n / total < MIN_ACRONYM_SHARE) continue;
      const weight = WEIGHT.acronym * (n / total);
      out.push({ key: acronym, alt: expansion, weight }, { key: expansion, alt: acronym, weight });
    }
  }
  return out;
}

/**
 * Mines the thesaurus from content.db's page titles and descriptions and redirects, plus the
 * acronym pairs of the section texts (`sectionPairs`, acronymPairs of every section, which
 * buildSearchIndex keeps per page), and rewrites search_thesaurus. Called by buildSearchIndex
 * (inside its transaction) after search_pages is filled; derived data only, rebuilt with the
 * rest of the index.
 */
export function buildThesaurus(db: Database, sectionPairs: readonly [string, string][]): void {
  const pages = db.prepare('SELECT id, title, description FROM search_pages').all() as {
    id: string;
    title: string;
    description: string;
  }[];
  const entries: ThesaurusEntry[] = [];
  const acronyms: [string, string][] = [];
  for (const p of pages) {
    entries.push(...titlePairs(p.title));
    // The site's front page is "index": a file name that names nothing.
    if (nameOfId(p.id) !== 'index')
      entries.push({ key: nameOfId(p.id), alt: mainName(p.title), weight: WEIGHT.file });
    acronyms.push(...acronymPairs(p.title), ...acronymPairs(p.description));
  }
  for (const a of db
    .prepare('SELECT a.id, sp.title FROM aliases a JOIN search_pages sp ON sp.id = a.target_id')
    .all() as { id: string; title: string }[])
    entries.push({ key: nameOfId(a.id), alt: mainName(a.title), weight: WEIGHT.alias });
  acronyms.push(...sectionPairs);
  entries.push(...acronymEntries(acronyms));

  db.prepare('DELETE FROM search_thesaurus').run();
  const insert = db.prepare('INSERT INTO search_thesaurus (key, alt, weight) VALUES (?, ?, ?)');
  for (const e of usable(entries)) insert.run(e.key, e.alt, e.weight);
}
