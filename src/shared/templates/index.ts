import { migrationStoryTemplate } from './migration-story';
import { patternUsageTemplate } from './pattern-usage';
import type { ReportValues, TemplateSchema } from './schema';

export * from './schema';
export { emptyItem, emptyValues, normalizeValues, valueAt, type ReportIssue } from './values';
export { validateValues, type ValidationContext } from './validate';
export { fromMarkdown, ReportImportError, templateIdOf, toMarkdown, type MarkdownContext } from './markdown';
export { parseQuantity, type Quantity } from './quantity';

/** Every contribution template the app offers, in menu order. */
export const TEMPLATES: readonly TemplateSchema[] = [patternUsageTemplate, migrationStoryTemplate];

/** Template ids, for argument schemas and the CLI. */
export const TEMPLATE_IDS = TEMPLATES.map((t) => t.id);

/** The template with this id, or undefined. */
export function templateById(id: string): TemplateSchema | undefined {
  return TEMPLATES.find((t) => t.id === id);
}

/** The JSON export: the template, its version, the date and the values in the schema's shape. */
export function toJson(schema: TemplateSchema, values: ReportValues, date: string): string {
  return (
    JSON.stringify({ template: schema.id, template_version: schema.version, date, values }, null, 2) + '\n'
  );
}

/** A short name for a draft in lists and file names: its name field, else the template's title. */
export function draftName(schema: TemplateSchema, values: ReportValues, pageTitle?: string | null): string {
  const named = schema.nameKey ? (values[schema.nameKey] as string | undefined) : undefined;
  if (named) return named;
  return pageTitle ? `${schema.title}: ${pageTitle}` : schema.title;
}
export { githubIssueLink, MAX_ISSUE_URL_LENGTH, UPSTREAM_REPOSITORY } from './github-issue';
