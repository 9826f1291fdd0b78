/**
 * Worker-thread entry of one update or revert (SyncService starts one per job): the engine
 * runs on its own content.db connection, so the process's main thread (Electron's main
 * process, `dstudio serve`) keeps answering while files are parsed and the transaction is
 * written. user.db is opened read-only, for the re-match counts. Progress and the outcome
 * are posted back; a `cancel` message aborts as the in-process AbortSignal did.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openContentDb, openUserDb, useNativeBinding } from '../database/connection';
import { checklistRematch } from '../progress/rematch-counts';
import { SyncCancelledError } from './http-fetch';
import type { SyncJob, SyncWorkerCommand, SyncWorkerMessage } from './sync-job';
import { runRevert, runUpdate } from './sync-engine';

const port = parentPort!;
const job = workerData as SyncJob;
const post = (m: SyncWorkerMessage) => port.postMessage(m);
const ctl = new AbortController();
port.on('message', (m: SyncWorkerCommand) => {
  if (m.type === 'cancel') ctl.abort();
});

useNativeBinding(job.nativeBinding);
const db = openContentDb(job.contentDb);
const userDb = job.userDb ? openUserDb(job.userDb, { readonly: true }) : null;
try {
  const common = { signal: ctl.signal, rematch: userDb ? checklistRematch(userDb, db) : undefined };
  const report =
    job.kind === 'update'
      ? await runUpdate(db, {
          ...job.update,
          ...common,
          onProgress: (progress) => post({ type: 'progress', progress }),
        })
      : await runRevert(db, common);
  post({ type: 'done', report });
} catch (e) {
  post({
    type: 'failed',
    message: (e as Error).message,
    cancelled: e instanceof SyncCancelledError || ctl.signal.aborted,
  });
} finally {
  db.close();
  userDb?.close();
  // Nothing more to listen for: lets the thread end, which is how SyncService learns it is done.
  port.close();
}
