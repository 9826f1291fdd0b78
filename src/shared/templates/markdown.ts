import { parseDocument, stringify } from 'yaml';
import type { Field, ListField, ReportValues, ScalarField, TemplateSchema } from './schema';

/** What the Markdown needs besides the values: the export date and the titles of linked pages. */
export interface MarkdownContext {
  /** `YYYY-MM-DD`. */
  date: string;
  /** Title of a page by id (shown in the body; the id goes to the front matter). */
  pageTitle: (id: string) => string | null;
}

/** Written for an optional field left empty, and read back as empty. */
export const NOT_ANSWERED = '_Not answered._';
/** Written for an empty list, and read back as an empty list. */
export const NO_ENTRIES = '_None._';

const SECTION = '###';
const ITEM = '####';

function display(f: ScalarField, value: string, ctx: MarkdownContext): string {
  if (value === '') return NOT_ANSWERED;
  if (f.kind === 'choice') return f.options.find((o) => o.value === value)?.label ?? value;
  if (f.kind === 'page') return ctx.pageTitle(value) ?? value;
  return value;
}

/** `**Label**: value` for one-line fields; the label on its own paragraph above multi-line text. */
function labelled(f: ScalarField, value: string, ctx: MarkdownContext): string {
  const shown = display(f, value, ctx);
  return f.kind === 'text' && value !== '' ? `**${f.label}**:\n\n${shown}` : `**${f.label}**: ${shown}`;
}

const escapeCell = (s: string) => s.replace(/\|/g, '\\|');
const unescapeCell = (s: string) => s.replace(/\\\|/g, '|');

function itemHeading(list: ListField, n: number, title: string): string {
  return `${ITEM} ${(list.itemHeading ?? '{n}. {title}').replace('{n}', String(n)).replace('{title}', title)}`;
}

function listMarkdown(list: ListField, items: Record<string, string>[], ctx: MarkdownContext): string {
  if (items.length === 0) return NO_ENTRIES;
  if (list.layout === 'table') {
    const head = `| ${list.fields.map((f) => f.label).join(' | ')} |`;
    const rule = `|${list.fields.map(() => '---').join('|')}|`;
    const rows = items.map(
      (item) => `| ${list.fields.map((f) => escapeCell(display(f, item[f.key] ?? '', ctx))).join(' | ')} |`,
    );
    return [head, rule, ...rows].join('\n');
  }
  return items
    .map((item, i) => {
      const rest = list.fields.filter((f) => f.key !== list.titleKey);
      return [
        itemHeading(list, i + 1, item[list.titleKey ?? ''] ?? ''),
        ...rest.map((f) => labelled(f, item[f.key] ?? '', ctx)),
      ].join('\n\n');
    })
    .join('\n\n');
}

function sectionBody(field: Field, value: unknown, ctx: MarkdownContext): string {
  if (field.kind === 'group') {
    const rec = (value ?? {}) as Record<string, string>;
    return field.fields.map((f) => labelled(f, rec[f.key] ?? '', ctx)).join('\n\n');
  }
  if (field.kind === 'list') return listMarkdown(field, (value ?? []) as Record<string, string>[], ctx);
  const text = (value as string) ?? '';
  return text === '' ? NOT_ANSWERED : text;
}

/**
 * The document to submit: YAML front matter (template id and version, linked page ids,
 * date), then the template's `##` title, its `**Label**: value` lines and its `###` sections
 * in the template's order. Values must be valid (see validateValues): fromMarkdown reads
 * this back to the same values.
 */
export function toMarkdown(schema: TemplateSchema, values: ReportValues, ctx: MarkdownContext): string {
  const front: Record<string, string | number> = { template: schema.id, template_version: schema.version };
  for (const { field } of schema.fields) {
    if (field.kind === 'page' && values[field.key]) front[field.frontMatterKey] = values[field.key] as string;
  }
  front.date = ctx.date;
  const parts = [`---\n${stringify(front).trimEnd()}\n---`, `## ${schema.title}`];
  for (const { field, placement } of schema.fields) {
    if (placement === 'label' && field.kind !== 'group' && field.kind !== 'list')
      parts.push(labelled(field, (values[field.key] as string) ?? '', ctx));
    else parts.push(`${SECTION} ${field.label}`, sectionBody(field, values[field.key], ctx));
  }
  return parts.join('\n\n') + '\n';
}

/** A Markdown file that is not an export of a known template, with what is wrong. */
export class ReportImportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReportImportError';
  }
}

/** Finds `marker` at the start of a line at or after `from`; -1 when absent. */
function findLine(text: string, marker: string, from: number): number {
  let at = from;
  for (;;) {
    const i = text.indexOf(marker, at);
    if (i < 0) return -1;
    if (i === 0 || text[i - 1] === '\n') return i;
    at = i + 1;
  }
}

function scalarFrom(f: ScalarField, shown: string, front: Record<string, unknown>): string {
  if (shown === NOT_ANSWERED) return '';
  if (f.kind === 'page')
    return typeof front[f.frontMatterKey] === 'string' ? (front[f.frontMatterKey] as string) : '';
  if (f.kind === 'choice') return f.options.find((o) => o.label === shown)?.value ?? shown;
  return shown;
}

/** Reads `**Label**: value` blocks for `fields`, in order, from `text`. */
function labelledFrom(
  fields: readonly ScalarField[],
  text: string,
  front: Record<string, unknown>,
  where: string,
): Record<string, string> {
  const starts = fields.map((f) => `**${f.label}**:`);
  const out: Record<string, string> = {};
  let pos = 0;
  const found = starts.map((marker, i) => {
    const at = findLine(text, marker, pos);
    if (at < 0) throw new ReportImportError(`${where}: the label "${fields[i]!.label}" is missing.`);
    pos = at + marker.length;
    return at;
  });
  fields.forEach((f, i) => {
    const end = i + 1 < fields.length ? found[i + 1]! : text.length;
    out[f.key] = scalarFrom(f, text.slice(found[i]! + starts[i]!.length, end).trim(), front);
  });
  return out;
}

function listFrom(list: ListField, text: string, front: Record<string, unknown>): Record<string, string>[] {
  const body = text.trim();
  if (body === NO_ENTRIES) return [];
  if (list.layout === 'table') {
    const rows = body.split('\n').slice(2);
    return rows.map((row) => {
      const cells = row
        .trim()
        .replace(/^\|/, '')
        .replace(/(?<!\\)\|$/, '')
        .split(/(?<!\\)\|/)
        .map((c) => unescapeCell(c.trim()));
      if (cells.length !== list.fields.length)
        throw new ReportImportError(
          `${list.label}: a table row has ${cells.length} cells, not ${list.fields.length}.`,
        );
      return Object.fromEntries(list.fields.map((f, i) => [f.key, scalarFrom(f, cells[i]!, front)]));
    });
  }
  const chunks = `\n${body}`.split(`\n${ITEM} `).slice(1);
  const pattern = (list.itemHeading ?? '{n}. {title}')
    .replace(/[.*+?^$()[\]\\|]/g, '\\$&')
    .replace('\\{n\\}', '\\d+')
    .replace('{n}', '\\d+')
    .replace('{title}', '(.*)');
  const headingRe = new RegExp(`^${pattern}$`);
  const rest = list.fields.filter((f) => f.key !== list.titleKey);
  return chunks.map((chunk, i) => {
    const nl = chunk.indexOf('\n');
    const heading = nl < 0 ? chunk : chunk.slice(0, nl);
    const m = headingRe.exec(heading);
    if (!m)
      throw new ReportImportError(`${list.label}: entry ${i + 1} has an unexpected heading "${heading}".`);
    const item = labelledFrom(rest, nl < 0 ? '' : chunk.slice(nl + 1), front, `${list.label} › ${i + 1}`);
    return list.titleKey ? { [list.titleKey]: m[1]!.trim(), ...item } : item;
  });
}

/** Splits off the YAML front matter; refuses files without one. */
function splitFrontMatter(markdown: string): { front: Record<string, unknown>; body: string } {
  const text = markdown.replace(/^\ufeff/, '').replace(/\r\n?/g, '\n');
  const m = /^---\n([\s\S]*?)\n---\n/.exec(text);
  if (!m)
    throw new ReportImportError('The file has no front matter; it is not a report exported by DStudio.');
  const doc = parseDocument(m[1]!, { uniqueKeys: true });
  if (doc.errors.length > 0)
    throw new ReportImportError(`The front matter is not valid YAML: ${doc.errors[0]!.message}`);
  let front: unknown;
  try {
    // An export has no aliases: refusing them rules out alias bombs.
    front = doc.toJS({ maxAliasCount: 0 });
  } catch (e) {
    throw new ReportImportError(`The front matter cannot be read: ${(e as Error).message}`);
  }
  if (typeof front !== 'object' || front === null || Array.isArray(front))
    throw new ReportImportError('The front matter is not a set of keys and values.');
  return { front: front as Record<string, unknown>, body: text.slice(m[0].length) };
}

/** The template id named in an exported file's front matter. */
export function templateIdOf(markdown: string): string {
  const id = splitFrontMatter(markdown).front.template;
  if (typeof id !== 'string') throw new ReportImportError('The front matter names no template.');
  return id;
}

/**
 * Reads an exported report back into values (the inverse of toMarkdown). Sections are
 * found by their exact headings in the template's order; a file whose structure was
 * changed gets an error naming the first missing part.
 */
export function fromMarkdown(schema: TemplateSchema, markdown: string): ReportValues {
  const { front, body } = splitFrontMatter(markdown);
  if (front.template !== schema.id)
    throw new ReportImportError(`The file is a "${String(front.template)}" report, not "${schema.id}".`);
  const version = Number(front.template_version);
  if (!Number.isInteger(version) || version > schema.version)
    throw new ReportImportError(
      `The file was made with version ${String(front.template_version)} of the template; this app knows version ${schema.version}.`,
    );
  const titleAt = findLine(body, `## ${schema.title}\n`, 0);
  if (titleAt < 0) throw new ReportImportError(`The heading "## ${schema.title}" is missing.`);

  const sections = schema.fields.filter(
    (p) => p.placement === 'section' || p.field.kind === 'group' || p.field.kind === 'list',
  );
  const labels = schema.fields.filter((p) => !sections.includes(p)).map((p) => p.field as ScalarField);
  let pos = titleAt;
  const starts = sections.map(({ field }) => {
    const marker = `${SECTION} ${field.label}\n`;
    const at = findLine(body, marker, pos);
    if (at < 0) throw new ReportImportError(`The section "${SECTION} ${field.label}" is missing.`);
    pos = at + marker.length;
    return at;
  });
  const lead = body.slice(titleAt + schema.title.length + 4, starts[0] ?? body.length);
  const values: ReportValues = labelledFrom(labels, lead, front, schema.title);
  sections.forEach(({ field }, i) => {
    const from = starts[i]! + SECTION.length + field.label.length + 2;
    const text = body.slice(from, i + 1 < starts.length ? starts[i + 1] : body.length);
    if (field.kind === 'group') values[field.key] = labelledFrom(field.fields, text, front, field.label);
    else if (field.kind === 'list') values[field.key] = listFrom(field, text, front);
    else values[field.key] = scalarFrom(field as ScalarField, text.trim(), front);
  });
  // Keep the schema's key order, so an imported draft equals the one exported.
  return Object.fromEntries(schema.fields.map(({ field }) => [field.key, values[field.key]]));
}
