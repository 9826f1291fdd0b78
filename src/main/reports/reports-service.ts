import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import {
  ApiError,
  type MigrationRunOffer,
  type ReportDraft,
  type ReportExport,
  type ReportFormat,
  type ReportPreview,
  type ReportsApi,
} from '../../shared/contract';
import type { PageId, PageSummary } from '../../shared/domain';
import {
  draftName,
  emptyValues,
  fromMarkdown,
  normalizeValues,
  ReportImportError,
  templateById,
  templateIdOf,
  toJson,
  toMarkdown,
  validateValues,
  type ReportValues,
  type TemplateSchema,
} from '../../shared/templates';
import { renderPage } from '../render/render-page';
import { DraftsRepository } from './drafts-repository';
import type { PageKindFacts } from '../../shared/page-kinds';

/**
 * The user's checklist runs of migration guides (issue 13's progress service). Optional:
 * without it, reports are never prefilled from a run.
 */
export interface MigrationRunSource {
  /** The user's newest run of a migration guide related to this page (the guide itself or a pattern it migrates to), or null. */
  runRelatedTo(pageId: PageId): Promise<MigrationRunOffer | null>;
}

export interface ReportsDeps {
  /** The library's pages (content.listPages): for titles, types and unknown-id checks. */
  pages: () => Promise<PageSummary[]>;
  runs?: MigrationRunSource;
  now?: () => Date;
  newId?: () => string;
}

/** Title and type by page id, for validation and the Markdown body. */
export type PageIndex = (id: string) => (PageKindFacts & { title: string }) | null;

/** Builds the lookup validation and export need from the page list. */
export function pageIndexOf(pages: PageSummary[]): PageIndex {
  const byId = new Map(pages.map((p) => [p.id, p]));
  return (id) => {
    const p = byId.get(id);
    return p ? { id: p.id, title: p.title, type: p.type, isTemplate: p.isTemplate } : null;
  };
}

/** The page a draft is about: its first page field with a value. */
function pageOf(schema: TemplateSchema, values: ReportValues): PageId | null {
  for (const { field } of schema.fields) {
    if (field.kind === 'page' && typeof values[field.key] === 'string' && values[field.key])
      return values[field.key] as string;
  }
  return null;
}

/** A migration story's fields as far as a checklist run tells them; the user writes the rest. */
function storyFromRun(run: MigrationRunOffer): ReportValues {
  return {
    // "Migration Playbook: A to B" names the guide; the story is about "A to B".
    title: run.guideTitle.replace(/^migration (playbook|guide)\s*:\s*/i, '').slice(0, 200),
    status: run.finished ? 'completed' : 'in-progress',
    year: String(run.finishedYear ?? run.startedYear),
    phases: run.phases.slice(0, 20).map((p) => ({
      // The template numbers phases itself ("Phase 1: …"): a section title's own number would show twice.
      name: (p.name.replace(/^(phase|step|stage)\s*\d+\s*[:.)\u2013-]\s*/i, '') || p.name).slice(0, 200),
      description: `${p.done} of ${p.total} checklist items done.`,
    })),
  };
}

const day = (d: Date) => d.toISOString().slice(0, 10);
const slugOf = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);

/**
 * Builds the exported document of a report, or the problems that block it. Shared by the
 * service (the app) and the `report` command, so both write the same bytes.
 */
export function buildReportExport(
  schema: TemplateSchema,
  input: unknown,
  format: ReportFormat,
  page: PageIndex,
  date: Date,
): ReportExport {
  const { values, issues } = normalizeValues(schema, input);
  issues.push(...validateValues(schema, values, { page }));
  if (issues.length > 0) return { ok: false, issues };
  const pageId = pageOf(schema, values);
  const title = draftName(schema, values, pageId ? page(pageId)?.title : null);
  const name = slugOf(title);
  const stamp = day(date);
  const text =
    format === 'md'
      ? toMarkdown(schema, values, { date: stamp, pageTitle: (id) => page(id)?.title ?? null })
      : toJson(schema, values, stamp);
  return {
    ok: true,
    title,
    document: {
      suggestedName: `${name || schema.id}-${stamp}.${format}`,
      mime: format === 'md' ? 'text/markdown' : 'application/json',
      text,
    },
  };
}

/** Report drafts in user.db, their validation, preview and export. */
export class ReportsService implements ReportsApi {
  private readonly repo: DraftsRepository;
  private readonly now: () => Date;
  private readonly newId: () => string;

  constructor(
    db: Database,
    private readonly deps: ReportsDeps,
  ) {
    this.repo = new DraftsRepository(db);
    this.now = deps.now ?? (() => new Date());
    this.newId = deps.newId ?? (() => randomUUID());
  }

  private schema(templateId: string): TemplateSchema {
    const schema = templateById(templateId);
    if (!schema) throw new ApiError('bad-arguments', `There is no report template "${templateId}".`);
    return schema;
  }

  private async pageIndex(): Promise<PageIndex> {
    return pageIndexOf(await this.deps.pages());
  }

  private async store(draft: ReportDraft): Promise<ReportDraft> {
    const schema = this.schema(draft.templateId);
    const page = await this.pageIndex();
    const pageId = pageOf(schema, draft.values);
    this.repo.insert({
      ...draft,
      pageId,
      name: draftName(schema, draft.values, pageId ? page(pageId)?.title : null),
    });
    return draft;
  }

  async listDrafts() {
    return this.repo.list();
  }

  async getDraft(id: string) {
    return this.repo.find(id);
  }

  private existing(id: string): ReportDraft {
    const draft = this.repo.find(id);
    if (!draft) throw new ApiError('not-found', 'This draft no longer exists; it may have been deleted.');
    return draft;
  }

  async createDraft(templateId: string, pageId?: PageId) {
    const schema = this.schema(templateId);
    const values = emptyValues(schema);
    if (pageId) {
      const page = (await this.pageIndex())(pageId);
      if (!page) throw new ApiError('bad-arguments', `"${pageId}" is not a page of the library.`);
      const field = schema.fields.find((p) => p.field.kind === 'page')?.field;
      if (field) values[field.key] = pageId;
      const run = schema.id === 'migration-story' ? await this.deps.runs?.runRelatedTo(pageId) : null;
      if (run) Object.assign(values, storyFromRun(run), field ? { [field.key]: run.guideId } : {});
    }
    const at = this.now().toISOString();
    return this.store({
      id: this.newId(),
      templateId,
      templateVersion: schema.version,
      values,
      createdAt: at,
      updatedAt: at,
    });
  }

  async saveDraft(id: string, values: ReportValues) {
    const current = this.existing(id);
    const schema = this.schema(current.templateId);
    const page = await this.pageIndex();
    const pageId = pageOf(schema, values);
    const updatedAt = this.now().toISOString();
    const name = draftName(schema, values, pageId ? page(pageId)?.title : null);
    if (!this.repo.update(id, values, name, pageId, updatedAt))
      throw new ApiError('not-found', 'This draft no longer exists; it may have been deleted.');
    return { updatedAt };
  }

  async duplicateDraft(id: string) {
    const source = this.existing(id);
    const at = this.now().toISOString();
    return this.store({ ...source, id: this.newId(), createdAt: at, updatedAt: at });
  }

  async deleteDraft(id: string) {
    const draft = this.existing(id);
    this.repo.delete(id);
    return draft;
  }

  async restoreDraft(draft: ReportDraft) {
    if (this.repo.find(draft.id)) throw new ApiError('bad-arguments', 'A draft with this id already exists.');
    return this.store(draft);
  }

  async previewReport(templateId: string, input: ReportValues): Promise<ReportPreview> {
    const schema = this.schema(templateId);
    const page = await this.pageIndex();
    const { values, issues } = normalizeValues(schema, input);
    issues.push(...validateValues(schema, values, { page }));
    const markdown = toMarkdown(schema, values, {
      date: day(this.now()),
      pageTitle: (id) => page(id)?.title ?? null,
    });
    // The body only: the front matter is for the maintainers' tooling, not for reading.
    const body = markdown.slice(markdown.indexOf('\n---\n') + 5);
    return { issues, markdown, html: renderPage(body, { pageId: `report-preview/${schema.id}` }).html };
  }

  async exportDraft(id: string, format: ReportFormat) {
    const draft = this.existing(id);
    return buildReportExport(
      this.schema(draft.templateId),
      draft.values,
      format,
      await this.pageIndex(),
      this.now(),
    );
  }

  async importReport(markdown: string) {
    let schema: TemplateSchema;
    let values: ReportValues;
    try {
      schema = this.schema(templateIdOf(markdown));
      values = fromMarkdown(schema, markdown);
    } catch (e) {
      if (e instanceof ReportImportError) throw new ApiError('bad-arguments', e.message);
      throw e;
    }
    const at = this.now().toISOString();
    return this.store({
      id: this.newId(),
      templateId: schema.id,
      templateVersion: schema.version,
      values,
      createdAt: at,
      updatedAt: at,
    });
  }

  async findRunOffer(pageId: PageId) {
    return (await this.deps.runs?.runRelatedTo(pageId)) ?? null;
  }
}
