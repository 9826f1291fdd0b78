import { z } from 'zod';
import type { PageId, Tier } from '../domain';
import type { ArgSchemasOf } from './arg-schemas';

/** A page whose excellence tier differs between two content generations. */
export interface TierMove {
  id: PageId;
  from: Tier | null;
  to: Tier | null;
}

/** One Markdown file an update added, changed or removed (by page or alias id). */
export interface ChangedFile {
  id: PageId;
  title: string;
  change: 'added' | 'changed' | 'removed';
}

/** A migration guide or a page with checklists that an update added, changed or removed. */
export interface GuideChange extends ChangedFile {
  /** Checklist items on the page after the update (before, when removed). */
  checklistItems: number;
  /**
   * The user's saved item states on the page that the update re-matched to an item whose key
   * changed / left without an item; null when the user saved none there (or, in the CLI, no
   * --user-db was given).
   */
  rematched: number | null;
  orphaned: number | null;
}

/** What one update (or revert) did. */
export interface SyncReport {
  kind: 'update' | 'revert';
  /** Commit before and after (null: content not from a commit, e.g. the starter content). */
  from: string | null;
  to: string | null;
  upToDate: boolean;
  added: PageId[];
  changed: PageId[];
  removed: PageId[];
  tierMoves: TierMove[];
  /** Every changed file with its title, for the "What changed" view. */
  files: ChangedFile[];
  /** Migration guides and checklist pages among them. */
  guides: GuideChange[];
  /** Tree entries left out (symlinks, submodules, oversized, unsafe names) and why. */
  rejected: { path: string; reason: string }[];
  /** How the bytes came: single blobs, one tarball, or nothing to fetch. */
  via: 'blobs' | 'tarball' | 'none';
  bytesFetched: number;
  requests: number;
  durationMs: number;
  /** When it was applied (ISO). */
  at: string;
}

/** Where an update stands, polled by the UI while it runs. */
export interface SyncProgress {
  phase: 'checking' | 'listing' | 'downloading' | 'applying' | 'done' | 'failed' | 'cancelled';
  filesDone: number;
  filesTotal: number;
  bytesDone: number;
  /** Expected bytes of the files to fetch (from the tree's sizes). */
  bytesTotal: number;
  /** Why it failed, in words. */
  error: string | null;
}

/** The content's provenance and the updater's state. */
export interface SyncStatus {
  /** The commit the content was built from, and its date (null for starter or folder content). */
  commit: string | null;
  committedAt: string | null;
  /** Where updates come from. */
  repository: string;
  ref: string;
  /** The remote head seen by the last check, and whether it differs from the content. */
  remoteCommit: string | null;
  updateAvailable: boolean;
  lastCheckedAt: string | null;
  /** A previous generation is kept and complete: revert is possible. */
  canRevert: boolean;
  previousCommit: string | null;
  /** An update is running. */
  running: boolean;
  /** Whether a token is set for GitHub requests. */
  hasToken: boolean;
  /** The token's last four characters (never the whole token), or null without one or when it is short. */
  tokenHint: string | null;
  /** How a token is kept: encrypted by the OS keychain (desktop app), or only while this process runs (`dstudio serve`). */
  tokenKept: 'encrypted' | 'session';
}

/** The result of asking the server whether the content is current (one request when it is). */
export interface SyncCheck {
  upToDate: boolean;
  localCommit: string | null;
  remoteCommit: string;
  requests: number;
}

/** One line of a readable diff of a page's Markdown. */
export interface DiffLine {
  op: 'same' | 'add' | 'del' | 'skip';
  /** The line (for `skip`: how many unchanged lines were folded). */
  text: string;
}

/** Content updates from the GitHub repository (issue 16). */
export interface SyncApi {
  /** The content's commit and date, the last check's result, whether revert is possible. */
  getStatus(): Promise<SyncStatus>;
  /** Asks the server for the head commit (a conditional request: unchanged costs one 304). */
  check(): Promise<SyncCheck>;
  /**
   * Updates the content to the ref's head commit: fetches only changed files, verifies each,
   * applies all in one transaction. Rejects with a readable message on failure or cancel; the
   * content is then unchanged. Follow it with getProgress().
   */
  update(): Promise<SyncReport>;
  /** The running (or last) update's progress; null before any. */
  getProgress(): Promise<SyncProgress | null>;
  /** Cancels the running update (the content stays as it was). */
  cancel(): Promise<void>;
  /** Restores the previous content generation (itself revertible). */
  revert(): Promise<SyncReport>;
  /** The last update's or revert's report, or null. */
  lastReport(): Promise<SyncReport | null>;
  /** A readable diff of one file of the last report between the two generations. */
  fileDiff(id: PageId): Promise<DiffLine[]>;
  /**
   * Sets, replaces or (with null) removes the GitHub token used from the next request on:
   * encrypted by the OS keychain in the desktop app (refused where the platform cannot
   * encrypt), held only for the process's lifetime over `dstudio serve`.
   */
  setToken(token: string | null): Promise<void>;
}

/** Run-time method names of SyncApi (checked complete in index.ts). */
export const SYNC_METHODS = [
  'getStatus',
  'check',
  'update',
  'getProgress',
  'cancel',
  'revert',
  'lastReport',
  'fileDiff',
  'setToken',
] as const satisfies readonly (keyof SyncApi & string)[];

/** Argument schemas of SyncApi. */
export const SYNC_ARGS: ArgSchemasOf<SyncApi> = {
  getStatus: z.tuple([]),
  check: z.tuple([]),
  update: z.tuple([]),
  getProgress: z.tuple([]),
  cancel: z.tuple([]),
  revert: z.tuple([]),
  lastReport: z.tuple([]),
  fileDiff: z.tuple([z.string().min(1).max(1000)]),
  setToken: z.tuple([
    z
      .string()
      .min(1)
      .max(500)
      .regex(/^[\x21-\x7e]+$/, 'A GitHub token is one word of printable characters.')
      .nullable(),
  ]),
};
