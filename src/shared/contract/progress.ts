import { z } from 'zod';
import type { Checklist, PageId } from '../domain';
import { pageIdArg as pageId, type ArgSchemasOf } from './arg-schemas';

/** Where the user is with one checklist item. */
export const ITEM_STATES = ['todo', 'in-progress', 'blocked', 'done', 'n/a'] as const;
export type ItemState = (typeof ITEM_STATES)[number];

/** How an item's saved state found its item after a content update. */
export type MatchKind =
  /** Same key. */
  | 'exact'
  /** The same text, elsewhere on the page. */
  | 'moved'
  /** A close match within the same section: the author edited the text. */
  | 'edited';

/** The user's state of one item in one run, with what the item said when it was set. */
export interface ItemProgress {
  key: string;
  state: ItemState;
  note: string;
  updatedAt: string;
  /** The item's text and section as they were when the state was last set. */
  text: string;
  sectionSlug: string;
  /** Set when a content update re-matched this state to an item whose key changed. */
  match: MatchKind;
}

/** x of y: n/a items are excluded from `total`. */
export interface ProgressCount {
  done: number;
  total: number;
  inProgress: number;
  blocked: number;
  notApplicable: number;
}

/** One tracked pass through a page's checklists ("Payments: 2PC → Saga"). */
export interface RunSummary {
  id: number;
  pageId: PageId;
  /** The page's current title, or null when the page is no longer in the content. */
  pageTitle: string | null;
  name: string;
  archived: boolean;
  createdAt: string;
  /** Last change to the run or one of its items. */
  updatedAt: string;
  count: ProgressCount;
  /** Saved states whose item is no longer in the guide. */
  orphaned: number;
}

/** A page's checklists with the state of one run. */
export interface PageProgress {
  pageId: PageId;
  checklists: Checklist[];
  /** Every run of this page (archived ones too), newest activity first. */
  runs: RunSummary[];
  /** The run shown, or null when the page has none yet (the first tick creates it). */
  run: RunSummary | null;
  /** States of the run's current items, by item key. */
  items: Record<string, ItemProgress>;
  /** States whose item is no longer in this guide (shown, never dropped). */
  orphans: ItemProgress[];
}

/** A change to one item; absent fields keep their value. */
export interface ItemChange {
  pageId: PageId;
  /** The run to change, or null to use the page's current run (created, named after the page, if none). */
  runId: number | null;
  itemKey: string;
  state?: ItemState;
  note?: string;
}

export const EXPORT_FORMATS = ['md', 'csv', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** What was done at start-up because user.db was damaged (see openUserDbWithRecovery). */
export interface DataRecovery {
  /** Where the damaged file was moved (kept, never deleted). */
  damagedPath: string;
  /** Path of the automatic backup restored. */
  restoredFrom: string;
  /** When that backup was taken (ISO). */
  backupTakenAt: string;
  /** The sentence to show the user. */
  message: string;
}

/** How far the user is through one learning path: the library pages it links, and how many are marked read. */
export interface LearningPathProgress {
  pageId: PageId;
  title: string;
  read: number;
  total: number;
}

/** Checklist runs and item progress (issue 13): the user's own data in user.db. */
export interface ProgressApi {
  /** The page's checklists, its runs and the states of one run (`runId`, else its most recently active run). */
  getPage(pageId: PageId, runId: number | null): Promise<PageProgress>;
  /** Sets an item's state and/or note in one transaction; the page's first change creates its run. */
  setItem(change: ItemChange): Promise<{ run: RunSummary; item: ItemProgress }>;
  /** Every run not deleted, most recently active first (the "My migrations" view). */
  listRuns(): Promise<RunSummary[]>;
  /** Texts of a run's blocked items in page order: asked for when My migrations opens a run's blocked list. */
  listBlocked(runId: number): Promise<string[]>;
  /** Starts another run of the same page (e.g. one per system migrated). */
  createRun(pageId: PageId, name: string): Promise<RunSummary>;
  /** Renames a run. */
  renameRun(runId: number, name: string): Promise<RunSummary>;
  /** Archives (or un-archives) a run: kept, but out of the way. */
  archiveRun(runId: number, archived: boolean): Promise<RunSummary>;
  /** Deletes a run; `restoreRun` undoes it. */
  deleteRun(runId: number): Promise<void>;
  /** Brings back a deleted run with all its states. */
  restoreRun(runId: number): Promise<RunSummary>;
  /** A run as a document to save: Markdown (paste into an issue or PR), CSV or JSON. */
  exportRun(
    runId: number,
    format: ExportFormat,
  ): Promise<{ suggestedName: string; mime: string; text: string }>;
  /** What was restored at start-up because user.db was damaged; null when nothing was, or once dismissed. */
  dataRecovery(): Promise<DataRecovery | null>;
  /** Marks the recovery notice as seen, so it is shown once. */
  dismissDataRecovery(): Promise<void>;
  /** How many of the pages a learning path links are marked read; null when the page is not a learning path. */
  learningPath(pageId: PageId): Promise<LearningPathProgress | null>;
  /** The learning paths started and not finished (some, not all, linked pages read), most read first. */
  learningPathsInProgress(): Promise<LearningPathProgress[]>;
}

/** Run-time method names of ProgressApi (checked complete in index.ts). */
export const PROGRESS_METHODS = [
  'getPage',
  'setItem',
  'listRuns',
  'listBlocked',
  'createRun',
  'renameRun',
  'archiveRun',
  'deleteRun',
  'restoreRun',
  'exportRun',
  'dataRecovery',
  'dismissDataRecovery',
  'learningPath',
  'learningPathsInProgress',
] as const satisfies readonly (keyof ProgressApi & string)[];

/** A note holds up to this many characters. */
export const MAX_NOTE_CHARS = 10_000;
/** A run name holds up to this many characters. */
export const MAX_RUN_NAME_CHARS = 200;

const runId = z.number().int().positive();
const runName = z
  .string()
  .trim()
  .min(1, 'a run needs a name')
  .max(MAX_RUN_NAME_CHARS, `a run name holds at most ${MAX_RUN_NAME_CHARS} characters`);

/** Argument schemas of ProgressApi. */
export const PROGRESS_ARGS: ArgSchemasOf<ProgressApi> = {
  getPage: z.tuple([pageId, runId.nullable()]),
  setItem: z.tuple([
    z
      .object({
        pageId,
        runId: runId.nullable(),
        itemKey: z.string().min(1).max(1024),
        state: z.enum(ITEM_STATES).optional(),
        note: z.string().max(MAX_NOTE_CHARS, `a note holds at most ${MAX_NOTE_CHARS} characters`).optional(),
      })
      .strict(),
  ]),
  listRuns: z.tuple([]),
  listBlocked: z.tuple([runId]),
  createRun: z.tuple([pageId, runName]),
  renameRun: z.tuple([runId, runName]),
  archiveRun: z.tuple([runId, z.boolean()]),
  deleteRun: z.tuple([runId]),
  restoreRun: z.tuple([runId]),
  exportRun: z.tuple([runId, z.enum(EXPORT_FORMATS)]),
  dataRecovery: z.tuple([]),
  dismissDataRecovery: z.tuple([]),
  learningPath: z.tuple([pageId]),
  learningPathsInProgress: z.tuple([]),
};
