import {
  TIERS,
  type Alternative,
  type PageMeta,
  type PatternUse,
  type Tier,
  type YearMonth,
} from '../../shared/domain';

/** Values the corpus uses for `type`; an unknown value close to one of these is flagged as a likely misspelling. */
const KNOWN_TYPES = [
  'pattern',
  'case-study',
  'documentation',
  'interview-guide',
  'learning-path',
  'guide',
  'human-factors',
  'learning-module',
  'test',
  'reference',
  'exam',
  'system-design-interview',
  'law',
  'pillar',
  'migration',
  'template',
  'index',
  'tutorial',
  'quantitative',
  'concept',
];

/** Front matter as read, with hyphen/underscore key twins merged (`last-updated` → `last_updated`). */
export function mergeKeyTwins(data: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data)) {
    const k = key.trim().replace(/-/g, '_').toLowerCase();
    // The underscore spelling wins when both are present.
    if (!(k in out) || key.includes('_') || !key.includes('-')) out[k] = value;
  }
  return out;
}

function str(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v.trim() || null;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return null;
}

/** A placeholder from a template page: `gold|silver|bronze`, `[a|b]`, `YYYY-MM`, `X min`. */
function isPlaceholder(s: string): boolean {
  return /\|/.test(s) || /^\[.*\]$/.test(s) || /\bYYYY\b|\bX min\b/.test(s);
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length]!;
}

/** Parses `2007-03`, `2007`, `1981-01-15`, 2007 (number), a Date-derived ISO string. */
export function parseYearMonth(v: unknown): YearMonth | null {
  if (typeof v === 'number' && Number.isInteger(v) && v >= 1000 && v <= 2999) return { year: v, month: null };
  const s = str(v);
  if (!s) return null;
  const m = /^(\d{4})(?:[-/](\d{1,2}))?(?:[-/]\d{1,2})?$/.exec(s);
  if (!m) return null;
  const year = Number(m[1]);
  const month = m[2] ? Number(m[2]) : null;
  if (year < 1000 || year > 2999 || (month !== null && (month < 1 || month > 12))) return null;
  return { year, month };
}

function stringList(v: unknown): string[] {
  if (v === null || v === undefined) return [];
  if (Array.isArray(v)) return v.map((x) => listItemName(x)).filter((x): x is string => !!x);
  if (typeof v === 'object') {
    // A map such as { primary: [...], secondary: [...] }: take every entry's items.
    return Object.values(v as Record<string, unknown>).flatMap((x) => stringList(x));
  }
  const s = str(v);
  return s
    ? s
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean)
    : [];
}

function listItemName(x: unknown): string | null {
  if (x && typeof x === 'object' && !Array.isArray(x)) {
    const o = x as Record<string, unknown>;
    const n = o.number ?? o.law ?? o.pillar ?? o.name ?? o.id ?? o.title;
    if (n === undefined) return null;
    return typeof n === 'number' ? `law-${n}` : str(n);
  }
  return typeof x === 'number' ? `law-${x}` : str(x);
}

function alternatives(v: unknown): Alternative[] {
  if (v === null || v === undefined) return [];
  const items = Array.isArray(v) ? v : [v];
  const out: Alternative[] = [];
  for (const item of items) {
    if (typeof item === 'string' && item.trim()) {
      out.push({ name: item.trim(), href: null, pageId: null, description: null });
    } else if (item && typeof item === 'object' && !Array.isArray(item)) {
      const o = item as Record<string, unknown>;
      const name = str(o.name) ?? str(o.pattern) ?? str(o.title);
      if (name)
        out.push({
          name,
          href: str(o.link) ?? str(o.url) ?? str(o.href),
          pageId: null,
          description: str(o.description),
        });
    }
  }
  return out;
}

/**
 * `patterns_used` is a map tier → list, whose items are a name or a one-key map
 * `name: how it is used`; a plain list (no tiers) is accepted too.
 */
function patternUses(v: unknown): PatternUse[] {
  const out: PatternUse[] = [];
  const add = (items: unknown, tier: Tier | null) => {
    for (const item of Array.isArray(items) ? items : [items]) {
      let name: string | null = null;
      if (item && typeof item === 'object' && !Array.isArray(item)) {
        const keys = Object.keys(item as Record<string, unknown>);
        name = listItemName(item) ?? (keys.length === 1 ? str(keys[0]) : null);
      } else name = str(item);
      if (name && !isPlaceholder(name)) out.push({ name, tier });
    }
  };
  if (Array.isArray(v)) add(v, null);
  else if (v && typeof v === 'object') {
    for (const [key, items] of Object.entries(v as Record<string, unknown>)) {
      const t = key.trim().toLowerCase();
      if (items !== null && items !== undefined)
        add(items, (TIERS as readonly string[]).includes(t) ? (t as Tier) : null);
    }
  }
  return out;
}

/**
 * Turns front matter into typed metadata. Odd values are kept (raw) and flagged, never
 * dropped; template pages (placeholder values) are marked as templates.
 */
export function normaliseMetadata(input: Record<string, unknown>): PageMeta {
  const d = mergeKeyTwins(input);
  const flags: string[] = [];
  let placeholders = 0;

  const text = (key: string): string | null => {
    const s = str(d[key]);
    if (s && isPlaceholder(s)) placeholders++;
    return s;
  };

  let tierRaw = d.excellence_tier ?? d.tier;
  if (Array.isArray(tierRaw)) tierRaw = `[${tierRaw.join(',')}]`;
  const tierText = str(tierRaw);
  let tier: Tier | null = null;
  if (tierText) {
    const t = tierText.toLowerCase();
    if ((TIERS as readonly string[]).includes(t)) tier = t as Tier;
    else if (isPlaceholder(tierText)) {
      placeholders++;
      flags.push(`excellence_tier "${tierText}" is a template placeholder`);
    } else flags.push(`excellence_tier "${tierText}" is not gold, silver or bronze`);
  }

  let type = text('type');
  if (type && !KNOWN_TYPES.includes(type) && !isPlaceholder(type)) {
    // Unknown but plausible types (`system-design-problem`) are fine; near-misses of known ones are flagged.
    const near = KNOWN_TYPES.find((k) => editDistance(k, type!) <= 2);
    if (near) flags.push(`type "${type}" looks like a misspelling of "${near}"`);
  }
  const category = text('category');
  if (category && editDistance(category, 'case-studies') === 1)
    flags.push(`category "${category}" looks like a misspelling of "case-studies"`);
  if (type) type = type.toLowerCase();

  const introducedRaw = d.introduced;
  const introduced = parseYearMonth(introducedRaw);
  if (introducedRaw !== undefined && introducedRaw !== null && !introduced) {
    const s = String(introducedRaw);
    if (isPlaceholder(s)) placeholders++;
    else flags.push(`introduced "${s}" is not a year or year-month`);
  }
  const yearImplemented = parseYearMonth(d.year_implemented)?.year ?? null;
  if (d.year_implemented !== undefined && d.year_implemented !== null && yearImplemented === null) {
    flags.push(`year_implemented "${String(d.year_implemented)}" is not a year`);
  }

  for (const key of ['pattern_status', 'current_relevance', 'difficulty', 'reading_time', 'last_updated'])
    text(key);
  const isTemplate = placeholders >= 2 || (placeholders >= 1 && !!tierText && isPlaceholder(tierText));
  if (isTemplate) flags.push('template page: front matter holds placeholder values');

  return {
    tier,
    tierRaw: tierText,
    status: str(d.pattern_status) ?? str(d.status),
    relevance: str(d.current_relevance),
    type,
    category,
    difficulty: str(d.difficulty),
    tags: stringList(d.tags),
    introduced,
    yearImplemented,
    modernAlternatives: alternatives(d.modern_alternatives),
    deprecationReason: str(d.deprecation_reason) ?? str(d.deprecation),
    relatedLaws: stringList(d.related_laws),
    relatedPillars: stringList(d.related_pillars),
    patternsUsed: patternUses(d.patterns_used),
    prerequisites: stringList(d.prerequisites).filter((x) => !isPlaceholder(x)),
    lastUpdated: str(d.last_updated) ?? str(d.date),
    description: str(d.description) ?? str(d.tagline),
    readingTime: str(d.reading_time),
    isTemplate,
    flags,
  };
}
