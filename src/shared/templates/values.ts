import type { Field, ReportValues, ScalarField, TemplateSchema } from './schema';

/** One problem with a report's values, addressed by a path (`outcomes.performance`, `phases.0.name`). */
export interface ReportIssue {
  path: string;
  /** Where it is, in the form's words (`Outcomes › Performance impact`). */
  where: string;
  message: string;
}

/** An empty value for each field: what a new draft starts from (the form model's initial state). */
export function emptyValues(schema: TemplateSchema): ReportValues {
  const out: ReportValues = {};
  for (const { field } of schema.fields) out[field.key] = emptyOf(field);
  return out;
}

function emptyOf(field: Field): unknown {
  if (field.kind === 'group') return Object.fromEntries(field.fields.map((f) => [f.key, '']));
  if (field.kind === 'list') return [];
  return '';
}

/** A new, empty item of a list field. */
export function emptyItem(fields: readonly ScalarField[]): Record<string, string> {
  return Object.fromEntries(fields.map((f) => [f.key, '']));
}

/** The value a path names (`company`, `outcomes.performance`, `phases.0.name`); undefined if absent. */
export function valueAt(values: ReportValues, path: string): unknown {
  if (path === '') return values;
  let at: unknown = values;
  for (const key of path.split('.')) {
    if (typeof at !== 'object' || at === null) return undefined;
    at = (at as Record<string, unknown>)[key];
  }
  return at;
}

function asText(raw: unknown): string | null {
  if (raw === undefined || raw === null) return '';
  if (typeof raw === 'string') return raw.replace(/\r\n?/g, '\n').trim();
  if (typeof raw === 'number' && Number.isFinite(raw)) return String(raw);
  return null;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Brings any JSON (a CLI values file, an imported draft) into the schema's shape: strings
 * trimmed with `\n` line ends, numbers as text, missing fields empty. Wrong types and keys
 * the template does not have are reported, not dropped silently.
 */
export function normalizeValues(
  schema: TemplateSchema,
  input: unknown,
): { values: ReportValues; issues: ReportIssue[] } {
  const issues: ReportIssue[] = [];
  const values: ReportValues = {};
  const source = isRecord(input) ? input : {};
  if (!isRecord(input))
    issues.push({ path: '', where: 'values', message: 'must be a JSON object with the report fields' });

  const scalar = (raw: unknown, path: string, where: string): string => {
    const text = asText(raw);
    if (text === null) {
      issues.push({ path, where, message: 'must be text' });
      return '';
    }
    return text;
  };
  const record = (
    fields: readonly ScalarField[],
    raw: unknown,
    path: string,
    where: string,
  ): Record<string, string> => {
    const src = isRecord(raw) ? raw : {};
    if (raw !== undefined && raw !== null && raw !== '' && !isRecord(raw))
      issues.push({ path, where, message: 'must be an object' });
    unknownKeys(src, fields, path, where, issues);
    return Object.fromEntries(
      fields.map((f) => [f.key, scalar(src[f.key], `${path}.${f.key}`, `${where} › ${f.label}`)]),
    );
  };

  unknownKeys(
    source,
    schema.fields.map((p) => p.field),
    '',
    'values',
    issues,
  );
  for (const { field } of schema.fields) {
    const raw = source[field.key];
    if (field.kind === 'group') values[field.key] = record(field.fields, raw, field.key, field.label);
    else if (field.kind === 'list') {
      if (raw !== undefined && raw !== null && !Array.isArray(raw))
        issues.push({ path: field.key, where: field.label, message: 'must be a list' });
      const items = Array.isArray(raw) ? raw : [];
      values[field.key] = items.map((item, i) =>
        record(field.fields, item, `${field.key}.${i}`, `${field.label} › item ${i + 1}`),
      );
    } else values[field.key] = scalar(raw, field.key, field.label);
  }
  return { values, issues };
}

function unknownKeys(
  src: Record<string, unknown>,
  fields: readonly Field[],
  path: string,
  where: string,
  issues: ReportIssue[],
): void {
  const known = new Set(fields.map((f) => f.key));
  for (const key of Object.keys(src)) {
    if (!known.has(key))
      issues.push({
        path: path ? `${path}.${key}` : key,
        where,
        message: `has no field "${key}" (known: ${[...known].join(', ')})`,
      });
  }
}
