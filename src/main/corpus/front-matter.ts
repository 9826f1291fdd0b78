import { isMap, parseDocument } from 'yaml';

/** Largest front matter parsed as YAML (bounded time, no huge scalars). */
export const MAX_FRONT_MATTER_BYTES = 64 * 1024;

export interface FrontMatterProblem {
  kind: 'front-matter-invalid' | 'front-matter-unclosed' | 'front-matter-missing';
  message: string;
  line: number | null;
}

export interface SplitPage {
  /** Parsed front matter (plain JSON data), empty when absent or invalid. */
  data: Record<string, unknown>;
  /** The YAML text between the fences, kept verbatim. */
  raw: string | null;
  /** The Markdown after the front matter. */
  body: string;
  /** 1-based line in the file where `body` starts. */
  bodyLine: number;
  problems: FrontMatterProblem[];
  /** Non-fatal notes (duplicate keys, unknown tags). */
  notes: string[];
}

// The same pattern MkDocs uses (mkdocs/utils/meta.py): `---` line, YAML, then `---` or `...` line.
const FRONT_MATTER_RE = /^-{3}[ \t]*\n([\s\S]*?\n)?(?:\.{3}|-{3})[ \t]*(?:\n|$)/;

function lineCount(s: string): number {
  let n = 0;
  for (let i = s.indexOf('\n'); i !== -1; i = s.indexOf('\n', i + 1)) n++;
  return n;
}

/** Converts YAML 1.1 values (dates) into JSON data. */
function toPlain(value: unknown): unknown {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString().slice(0, 10);
  if (Array.isArray(value)) return value.map(toPlain);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = toPlain(v);
    return out;
  }
  return value;
}

/**
 * Splits a page into front matter and body the way MkDocs does, then parses the YAML
 * safely: YAML 1.1 (as PyYAML's SafeLoader reads it), no custom tags, alias expansion
 * bounded, size capped. Invalid front matter is kept raw with the parse error and line;
 * unlike MkDocs, it is removed from the body so it does not show as text.
 */
export function splitFrontMatter(text: string): SplitPage {
  const match = FRONT_MATTER_RE.exec(text);
  if (!match) {
    const problems: FrontMatterProblem[] = [];
    if (/^-{3}[ \t]*\n/.test(text)) {
      problems.push({
        kind: 'front-matter-unclosed',
        message: 'front matter opened with --- but never closed; the file is read as Markdown',
        line: 1,
      });
    } else {
      problems.push({ kind: 'front-matter-missing', message: 'no front matter', line: null });
    }
    return { data: {}, raw: null, body: text, bodyLine: 1, problems, notes: [] };
  }
  const raw = match[1] ?? '';
  let rest = text.slice(match[0].length);
  let bodyLine = 1 + lineCount(match[0]);
  while (rest.startsWith('\n')) {
    rest = rest.slice(1);
    bodyLine++;
  }
  const base = { raw, body: rest, bodyLine };
  const notes: string[] = [];
  /** The page keeps its body; the front matter is dropped with the reason. */
  const invalid = (message: string, line: number | null) => ({
    ...base,
    data: {},
    notes,
    problems: [{ kind: 'front-matter-invalid' as const, message, line }],
  });
  if (raw.length > MAX_FRONT_MATTER_BYTES)
    return invalid(`front matter is over ${MAX_FRONT_MATTER_BYTES / 1024} KB; not parsed`, 2);
  try {
    // uniqueKeys: false — PyYAML keeps the last of duplicate keys; we do too, with a note.
    const doc = parseDocument(raw, { version: '1.1', uniqueKeys: false, customTags: [], prettyErrors: true });
    const error = doc.errors[0];
    if (error) {
      const line = error.linePos?.[0]?.line;
      return invalid(`invalid YAML: ${error.message.split('\n')[0]}`, line ? line + 1 : null);
    }
    for (const w of doc.warnings) notes.push(`YAML: ${w.message.split('\n')[0]}`);
    if (isMap(doc.contents)) {
      const seen = new Set<string>();
      for (const item of doc.contents.items) {
        const key = String((item.key as { value?: unknown } | null)?.value ?? item.key);
        if (seen.has(key)) notes.push(`duplicate front-matter key "${key}"; the last value is used`);
        seen.add(key);
      }
    }
    const value = toPlain(doc.toJS({ maxAliasCount: 50 }));
    if (value === null || value === undefined) return { ...base, data: {}, notes, problems: [] };
    if (typeof value !== 'object' || Array.isArray(value))
      return invalid('front matter is not a key/value map', 2);
    return { ...base, data: value as Record<string, unknown>, notes, problems: [] };
  } catch (e) {
    return invalid(`invalid YAML: ${(e as Error).message.split('\n')[0]}`, null);
  }
}
