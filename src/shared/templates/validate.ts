import { PAGE_KINDS, type PageKindFacts } from '../page-kinds';
import { parseQuantity, QUANTITY_EXAMPLES } from './quantity';
import type { ReportValues, ScalarField, TemplateSchema } from './schema';
import type { ReportIssue } from './values';

/** What validation may ask of the library: the title of a page, or null when there is no such page. */
export interface ValidationContext {
  /** Title and type of a page by id; null when the library has no such page. */
  page?: (id: string) => (PageKindFacts & { title: string }) | null;
}

// eslint-disable-next-line no-control-regex -- rejecting control characters is the point
const CONTROL_LINE = /[\u0000-\u001f\u007f-\u009f]/;
// eslint-disable-next-line no-control-regex -- same, with tab and newline allowed in multi-line text
const CONTROL_TEXT = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
/** Bidi overrides and isolates: they make text display in a different order than it is stored. */
const BIDI = /[\u202a-\u202e\u2066-\u2069]/;
/** Headings of the levels the exported document uses for its own structure. */
const STRUCTURE_HEADING = /^#{1,4}\s/;
const NUMBER = new Intl.NumberFormat('en');

/** Bold labels the exported body uses (`**Pros**:`): a line of a field starting with one would split it on import. */
function labelsOf(schema: TemplateSchema): string[] {
  const out: string[] = [];
  for (const { field } of schema.fields) {
    out.push(field.label);
    if (field.kind === 'group' || field.kind === 'list') for (const f of field.fields) out.push(f.label);
  }
  return out;
}

function checkScalar(
  f: ScalarField,
  value: string,
  path: string,
  where: string,
  labels: string[],
  ctx: ValidationContext,
): ReportIssue[] {
  const issue = (message: string): ReportIssue[] => [{ path, where, message }];
  if (value === '') return f.required ? issue('is required') : [];
  if ('maxLength' in f && value.length > f.maxLength)
    return issue(
      `is ${NUMBER.format(value.length)} characters long; the limit is ${NUMBER.format(f.maxLength)}`,
    );
  if ((f.kind === 'text' ? CONTROL_TEXT : CONTROL_LINE).test(value))
    return issue(
      f.kind === 'text'
        ? 'contains control characters; remove them (paste as plain text)'
        : 'must be one line without control characters',
    );
  if (BIDI.test(value))
    return issue(
      'contains right-to-left override characters, which make text display differently from what it says',
    );
  switch (f.kind) {
    case 'text': {
      const lines = value.split('\n');
      const n = lines.findIndex((l) => STRUCTURE_HEADING.test(l));
      if (n >= 0)
        return issue(
          `line ${n + 1} is a level 1–4 heading, which the report uses for its own sections; use ##### or deeper`,
        );
      const m = lines.findIndex((l) => labels.some((label) => l.startsWith(`**${label}**:`)));
      if (m >= 0) return issue(`line ${m + 1} starts with one of the report's own labels; reword its start`);
      return [];
    }
    case 'choice':
      return f.options.some((o) => o.value === value)
        ? []
        : issue(`must be one of: ${f.options.map((o) => o.value).join(', ')}`);
    case 'quantity':
      return parseQuantity(value, f.quantity)
        ? []
        : issue(`needs a number and a unit, such as ${QUANTITY_EXAMPLES[f.quantity]}`);
    case 'year': {
      const y = /^\d{4}$/.test(value) ? Number(value) : NaN;
      return y >= 1950 && y <= 2100 ? [] : issue('must be a year such as 2024');
    }
    case 'page': {
      if (!ctx.page) return [];
      const page = ctx.page(value);
      if (!page) return issue(`"${value}" is not a page of the library`);
      if (f.pageKind && !PAGE_KINDS[f.pageKind].test(page))
        return issue(`"${page.title}" is not a ${PAGE_KINDS[f.pageKind].label} page`);
      return [];
    }
    case 'line':
      return [];
  }
}

/**
 * Every problem with a report's values (already in the schema's shape, see
 * normalizeValues), in form order: required fields, length limits, control and bidi
 * characters, choices, figures with units, years, page ids (when `ctx.page` is given), and
 * text that would break the exported document's structure. Export is allowed when empty.
 */
export function validateValues(
  schema: TemplateSchema,
  values: ReportValues,
  ctx: ValidationContext = {},
): ReportIssue[] {
  const labels = labelsOf(schema);
  const issues: ReportIssue[] = [];
  for (const { field } of schema.fields) {
    const raw = values[field.key];
    if (field.kind === 'group') {
      const rec = (raw ?? {}) as Record<string, string>;
      for (const f of field.fields)
        issues.push(
          ...checkScalar(
            f,
            rec[f.key] ?? '',
            `${field.key}.${f.key}`,
            `${field.label} › ${f.label}`,
            labels,
            ctx,
          ),
        );
    } else if (field.kind === 'list') {
      const items = (Array.isArray(raw) ? raw : []) as Record<string, string>[];
      if (items.length < field.minItems)
        issues.push({
          path: field.key,
          where: field.label,
          message:
            field.minItems === 1 ? 'needs at least one entry' : `needs at least ${field.minItems} entries`,
        });
      if (items.length > field.maxItems)
        issues.push({
          path: field.key,
          where: field.label,
          message: `has more than ${field.maxItems} entries`,
        });
      items.forEach((item, i) => {
        for (const f of field.fields)
          issues.push(
            ...checkScalar(
              f,
              item[f.key] ?? '',
              `${field.key}.${i}.${f.key}`,
              `${field.label} › ${i + 1} › ${f.label}`,
              labels,
              ctx,
            ),
          );
      });
    } else issues.push(...checkScalar(field, (raw as string) ?? '', field.key, field.label, labels, ctx));
  }
  return issues;
}
