/**
 * Typo correction from the corpus vocabulary. Candidates come from a trigram index
 * (so the vocabulary never has to be held in memory); the best one is the closest by
 * Damerau–Levenshtein distance, then the most frequent.
 */

/** Optimal-string-alignment distance (Damerau–Levenshtein with adjacent swaps), or max+1 once it exceeds max. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    const row = new Array<number>(b.length + 1);
    row[0] = i;
    rows.push(row);
  }
  for (let j = 0; j <= b.length; j++) rows[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    let rowMin = Infinity;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d = Math.min(d, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = d;
      rowMin = Math.min(rowMin, d);
    }
    if (rowMin > max) return max + 1;
  }
  return Math.min(rows[a.length]![b.length]!, max + 1);
}

/** Edits allowed for a word of this length: short words change meaning with one edit. */
export function maxEditsFor(word: string): number {
  return word.length <= 4 ? 1 : 2;
}

/** Trigrams beyond this many are ignored (long words): the expression grows with their square. */
const MAX_TRIGRAMS = 10;

/**
 * A trigram FTS5 MATCH expression for the candidates of a word: corpus words sharing at
 * least two of its trigrams ("idempotncy" → ("ide" AND "dem") OR ("ide" AND "emp") OR …),
 * or any one for a word with fewer than three. Null when the word is too short.
 */
export function trigramExpression(word: string): string | null {
  const chars = [...word];
  if (chars.length < 3) return null;
  const set = new Set<string>();
  for (let i = 0; i + 3 <= chars.length; i++) set.add(chars.slice(i, i + 3).join(''));
  // Words are letters and digits only (tokenize), so quoting is safe.
  const grams = [...set].slice(0, MAX_TRIGRAMS).map((g) => `"${g}"`);
  if (grams.length < 3) return grams.join(' OR ');
  return grams.flatMap((a, i) => grams.slice(i + 1).map((b) => `(${a} AND ${b})`)).join(' OR ');
}

/** Picks the closest, then most frequent, candidate within the allowed edits; null when none is close enough. */
export function bestCorrection(
  word: string,
  candidates: readonly { term: string; freq: number }[],
): string | null {
  const max = maxEditsFor(word);
  let best: { term: string; freq: number; d: number } | null = null;
  for (const c of candidates) {
    if (c.term === word) continue;
    const d = editDistance(word, c.term, max);
    if (d > max) continue;
    if (!best || d < best.d || (d === best.d && c.freq > best.freq)) best = { ...c, d };
  }
  return best?.term ?? null;
}
