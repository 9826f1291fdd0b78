import type { SyncProgress, SyncReport } from '../../shared/contract/sync';
import type { SyncOptions } from './sync-engine';

/** What SyncService hands its worker thread (plain data: it is copied across). */
export interface SyncJob {
  kind: 'update' | 'revert';
  contentDb: string;
  /** Read for the change report's checklist re-match counts; absent: no counts. */
  userDb: string | null;
  /** Electron's better-sqlite3 addon (connection.ts useNativeBinding); undefined in Node. */
  nativeBinding: string | undefined;
  /** The update's source, cache and limits (unused by a revert). */
  update: Pick<SyncOptions, 'source' | 'cacheDir' | 'limits'>;
}

/** What the worker posts back: progress as it goes, then exactly one outcome. */
export type SyncWorkerMessage =
  | { type: 'progress'; progress: SyncProgress }
  | { type: 'done'; report: SyncReport }
  | { type: 'failed'; message: string; cancelled: boolean };

/** What SyncService posts to the worker. */
export type SyncWorkerCommand = { type: 'cancel' };
