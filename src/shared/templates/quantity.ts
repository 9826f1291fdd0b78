import type { QuantityKind } from './schema';

/** A number the user typed with its unit, understood. */
export interface Quantity {
  value: number;
  unit: string;
  /** How the app reads it, in words (`50,000 requests per second`). */
  reading: string;
}

// Suffixes engineers write after a figure (50K, 1.2M, 3B); written here because the unit
// libraries (convert-units, js-quantities) know SI prefixes but not traffic shorthand.
const MULTIPLIERS: Record<string, number> = { '': 1, k: 1e3, m: 1e6, b: 1e9, bn: 1e9, t: 1e12 };

const SCALE_UNITS: readonly [RegExp, string][] = [
  [/^(req|reqs|requests?|rps)\s*(\/|per\s*)\s*(s|sec|second)$|^rps$/i, 'requests per second'],
  [/^(req|reqs|requests?)\s*(\/|per\s*)\s*(min|minute)$|^rpm$/i, 'requests per minute'],
  [/^(req|reqs|requests?)\s*(\/|per\s*)\s*(h|hr|hour)$/i, 'requests per hour'],
  [/^(req|reqs|requests?)\s*(\/|per\s*)\s*(d|day)$/i, 'requests per day'],
  [/^(qps|queries\s*(\/|per\s*)\s*(s|sec|second))$/i, 'queries per second'],
  [/^(tps|transactions?\s*(\/|per\s*)\s*(s|sec|second))$/i, 'transactions per second'],
  [/^(msg|msgs|messages?|events?)\s*(\/|per\s*)\s*(s|sec|second)$/i, 'messages per second'],
  [/^(msg|msgs|messages?|events?)\s*(\/|per\s*)\s*(d|day)$/i, 'messages per day'],
  [/^(users?|dau|mau|customers?)$/i, 'users'],
  [/^(nodes?|servers?|hosts?|instances?|pods?|services?)$/i, 'nodes'],
  [/^(gb|tb|pb)(\s*(\/|per\s*)\s*(s|sec|second|d|day))?$/i, 'data volume'],
];

const DURATION_UNITS: readonly [RegExp, string, number][] = [
  [/^(d|days?)$/i, 'days', 1 / 30],
  [/^(w|wks?|weeks?)$/i, 'weeks', 7 / 30],
  [/^(mo|mos|months?)$/i, 'months', 1],
  [/^(y|yr|yrs|years?)$/i, 'years', 12],
];

const NUMBER_RE = /^(\d+(?:[.,]\d+)*)\s*(k|m|bn|b|t)?\b\s*(.*)$/i;

function parseNumber(text: string): number {
  // A comma between digit groups is a thousands separator; written "1,5" it is a decimal comma.
  const t = /^\d{1,3}(,\d{3})+(\.\d+)?$/.test(text) ? text.replace(/,/g, '') : text.replace(',', '.');
  return Number(t);
}

const FORMAT = new Intl.NumberFormat('en', { maximumFractionDigits: 2 });

/**
 * Reads a figure with its unit (`50K req/s`, `1.2M requests/day`, `2 years`, `18 months`).
 * Returns null when the text does not start with a number or the unit is not one this kind
 * knows. Trailing words after the unit (`50K req/s at peak`) are allowed.
 */
export function parseQuantity(text: string, kind: QuantityKind): Quantity | null {
  const m = NUMBER_RE.exec(text.trim().replace(/^~\s*|^about\s+/i, ''));
  if (!m) return null;
  const base = parseNumber(m[1]!);
  const mult = MULTIPLIERS[(m[2] ?? '').toLowerCase()];
  if (!Number.isFinite(base) || mult === undefined) return null;
  const rest = m[3]!.trim();
  const value = base * mult;
  if (kind === 'duration') {
    const word = rest.split(/\s+/)[0] ?? '';
    for (const [re, unit, months] of DURATION_UNITS) {
      if (re.test(word)) {
        const total = value * months;
        const reading = `${FORMAT.format(value)} ${unit}${unit !== 'months' ? ` (about ${FORMAT.format(total)} months)` : ''}`;
        return { value, unit, reading };
      }
    }
    return null;
  }
  // A unit may be one word (`rps`) or several (`requests per day`); try the longest first.
  const words = rest.split(/\s+/);
  for (let n = Math.min(words.length, 4); n >= 1; n--) {
    const candidate = words.slice(0, n).join(' ');
    for (const [re, unit] of SCALE_UNITS) {
      if (re.test(candidate)) return { value, unit, reading: `${FORMAT.format(value)} ${unit}` };
    }
  }
  return null;
}

/** What to type, for the message of a quantity the app cannot read. */
export const QUANTITY_EXAMPLES: Record<QuantityKind, string> = {
  scale: '"50K req/s", "2M requests/day" or "300 nodes"',
  duration: '"2 years", "18 months" or "6 weeks"',
};
