import { z } from 'zod';
import type { PageId } from '../domain';
import type { ReportIssue, ReportValues } from '../templates';
import { pageIdArg as pageId, type ArgSchemasOf } from './arg-schemas';
import type { ExportDocument } from './files';

/** A report draft in user.db: the user's own text, kept until they delete it. */
export interface ReportDraft {
  id: string;
  templateId: string;
  templateVersion: number;
  values: ReportValues;
  createdAt: string;
  updatedAt: string;
}

/** A line of the drafts list. */
export interface ReportDraftSummary {
  id: string;
  templateId: string;
  /** Its name field, else the template's title with the pattern's title. */
  name: string;
  /** The page the draft is about (pattern or guide), if any. */
  pageId: PageId | null;
  createdAt: string;
  updatedAt: string;
}

/** What the composer shows beside the form: the problems and the document as it would be exported. */
export interface ReportPreview {
  issues: ReportIssue[];
  markdown: string;
  /** The Markdown body rendered by the app's pipeline; not sanitised (the renderer sanitises it). */
  html: string;
}

/** An export, or the reasons it was refused. */
export type ReportExport =
  /** `title`: the report's name, e.g. for the title of a GitHub issue. */
  { ok: true; document: ExportDocument; title: string } | { ok: false; issues: ReportIssue[] };

/** A checklist run of a migration guide the user could attach to a report (issue 13's runs). */
export interface MigrationRunOffer {
  guideId: PageId;
  guideTitle: string;
  finished: boolean;
  /** The year the run was finished, when it was. */
  finishedYear: number | null;
  /** The year the run was started. */
  startedYear: number;
  /** The guide's checklist sections in page order, with how many of their items the run has done. */
  phases: { name: string; done: number; total: number }[];
  /** Progress summary in Markdown, ready to append to a field. */
  summary: string;
}

export type ReportFormat = 'md' | 'json';

/** Contribution templates and report drafts (issue 15): drafts live in user.db. */
export interface ReportsApi {
  /** Every draft, most recently edited first. */
  listDrafts(): Promise<ReportDraftSummary[]>;
  /** One draft, or null when it does not exist (deleted meanwhile). */
  getDraft(id: string): Promise<ReportDraft | null>;
  /**
   * Starts a draft of a template, prefilled from a page when one is given (the pattern of a
   * Pattern Usage Report; the guide of a migration story, and from the user's finished run
   * of it when there is one). Unknown template ids and page ids are refused.
   */
  createDraft(templateId: string, pageId?: PageId): Promise<ReportDraft>;
  /** Saves a draft's values as typed (called on every change); returns the new update time. */
  saveDraft(id: string, values: ReportValues): Promise<{ updatedAt: string }>;
  /** A copy of a draft, under a new id. */
  duplicateDraft(id: string): Promise<ReportDraft>;
  /** Deletes a draft and returns it whole, so the UI can offer to undo. */
  deleteDraft(id: string): Promise<ReportDraft>;
  /** Puts back a draft deleted by deleteDraft (undo). */
  restoreDraft(draft: ReportDraft): Promise<ReportDraft>;
  /** Validation problems, the Markdown to be exported and its rendering, for values not yet saved. */
  previewReport(templateId: string, values: ReportValues): Promise<ReportPreview>;
  /** The document to save (Markdown or JSON), or the problems that block the export. */
  exportDraft(id: string, format: ReportFormat): Promise<ReportExport>;
  /** Creates a draft from an exported `.md` file's text; a file that is not one gets a clear error. */
  importReport(markdown: string): Promise<ReportDraft>;
  /** The user's run of a migration guide related to a page, to attach its progress; null when none. */
  findRunOffer(pageId: PageId): Promise<MigrationRunOffer | null>;
}

/** Run-time method names of ReportsApi (checked complete in index.ts). */
export const REPORTS_METHODS = [
  'listDrafts',
  'getDraft',
  'createDraft',
  'saveDraft',
  'duplicateDraft',
  'deleteDraft',
  'restoreDraft',
  'previewReport',
  'exportDraft',
  'importReport',
  'findRunOffer',
] as const satisfies readonly (keyof ReportsApi & string)[];

/** Largest draft accepted, as JSON: far above any real report, well below what would slow user.db. */
export const MAX_DRAFT_CHARS = 2_000_000;

const draftId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'not a draft id');
const templateId = z.string().min(1).max(100);
const values = z
  .record(z.string().max(100), z.unknown())
  .refine(
    (v) => JSON.stringify(v).length <= MAX_DRAFT_CHARS,
    'the draft is larger than 2 MB',
  ) as z.ZodType<ReportValues>;
const isoTime = z.string().max(40);

/** Argument schemas of ReportsApi. */
export const REPORTS_ARGS: ArgSchemasOf<ReportsApi> = {
  listDrafts: z.tuple([]),
  getDraft: z.tuple([draftId]),
  createDraft: z.tuple([templateId, pageId.optional()]),
  saveDraft: z.tuple([draftId, values]),
  duplicateDraft: z.tuple([draftId]),
  deleteDraft: z.tuple([draftId]),
  restoreDraft: z.tuple([
    z
      .object({
        id: draftId,
        templateId,
        templateVersion: z.number().int().min(1).max(1000),
        values,
        createdAt: isoTime,
        updatedAt: isoTime,
      })
      .strict(),
  ]),
  previewReport: z.tuple([templateId, values]),
  exportDraft: z.tuple([draftId, z.enum(['md', 'json'])]),
  importReport: z.tuple([z.string().max(MAX_DRAFT_CHARS)]),
  findRunOffer: z.tuple([pageId]),
};
