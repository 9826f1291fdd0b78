import type { Database } from 'better-sqlite3';
import type {
  DiffLine,
  SyncApi,
  SyncCheck,
  SyncProgress,
  SyncReport,
  SyncStatus,
} from '../../shared/contract/sync';
import { Worker } from 'node:worker_threads';
import { currentNativeBinding } from '../database/connection';
import { workerEntry } from '../worker-entry';
import { lineDiff } from './line-diff';
import { DEFAULT_SOURCE, type GitHubSource } from './github-client';
import { SyncCancelledError, type FetchLimits } from './http-fetch';
import { checkForUpdate, revertProblem } from './sync-engine';
import type { SyncJob, SyncWorkerCommand, SyncWorkerMessage } from './sync-job';
import { SyncRepository } from './sync-repository';
import { memoryTokenStore, type TokenStore } from './token-store';

export interface SyncServiceOptions {
  /** Server, repository and ref (token comes from the token store). */
  source?: Partial<Omit<GitHubSource, 'token'>>;
  cacheDir: string;
  tokens?: TokenStore;
  limits?: FetchLimits;
  /** user.db, read by the update for the change report's checklist re-match counts (none without it). */
  userDbPath?: string;
}

/** Shortest token whose last four characters the status shows. */
const MIN_HINTED_TOKEN = 16;

/**
 * The updater behind the contract: one update or revert at a time, each run by the engine on
 * a worker thread with its own content.db connection (sync-worker.ts), so this thread keeps
 * answering every other call while it applies; progress is polled, cancel is a message.
 */
export class SyncService implements SyncApi {
  private readonly repo: SyncRepository;
  private readonly source: Omit<GitHubSource, 'token'>;
  private readonly tokens: TokenStore;
  private running: Worker | null = null;
  private progress: SyncProgress | null = null;
  private lastCheck: { at: string; remote: string | null } | null = null;

  constructor(
    private readonly db: Database,
    private readonly opts: SyncServiceOptions,
  ) {
    this.repo = new SyncRepository(db);
    this.source = { ...DEFAULT_SOURCE, ...opts.source };
    this.tokens = opts.tokens ?? memoryTokenStore();
  }

  private options(): SyncJob['update'] {
    return {
      source: { ...this.source, token: this.tokens.get() ?? undefined },
      cacheDir: this.opts.cacheDir,
      limits: this.opts.limits,
    };
  }

  async getStatus(): Promise<SyncStatus> {
    const commit = this.repo.meta('commit');
    const remote = this.lastCheck?.remote ?? null;
    const token = this.tokens.get();
    return {
      commit,
      committedAt: this.repo.meta('committedAt'),
      repository: `${this.source.owner}/${this.source.repo}`,
      ref: this.source.ref,
      remoteCommit: remote,
      updateAvailable: remote !== null && remote !== commit,
      lastCheckedAt: this.lastCheck?.at ?? null,
      canRevert: revertProblem(this.repo) === null,
      previousCommit: this.repo.meta('previousCommit'),
      running: this.running !== null,
      hasToken: token !== null,
      // Short tokens are not hinted at: four characters would give away too much of them.
      tokenHint: token !== null && token.length >= MIN_HINTED_TOKEN ? token.slice(-4) : null,
      tokenKept: this.tokens.kept,
    };
  }

  async check(): Promise<SyncCheck> {
    const result = await checkForUpdate(this.db, this.options());
    this.lastCheck = { at: new Date().toISOString(), remote: result.remoteCommit };
    return result;
  }

  async update(): Promise<SyncReport> {
    const { source, cacheDir, limits } = this.options();
    const report = await this.exclusive('update', { source, cacheDir, limits });
    this.lastCheck = { at: new Date().toISOString(), remote: report.to };
    return report;
  }

  async revert(): Promise<SyncReport> {
    return this.exclusive('revert', this.options());
  }

  /** Runs one update or revert at a time on a worker thread; records failure and cancel in the progress. */
  private exclusive(kind: SyncJob['kind'], update: SyncJob['update']): Promise<SyncReport> {
    if (this.running) return Promise.reject(new Error('An update is already running.'));
    const entry = workerEntry('sync-worker', import.meta.url);
    if (!entry) return Promise.reject(new Error('The updater is missing from this build (sync-worker.js).'));
    const job: SyncJob = {
      kind,
      contentDb: this.db.name,
      userDb: this.opts.userDbPath ?? null,
      nativeBinding: currentNativeBinding(),
      update,
    };
    const worker = new Worker(entry, { workerData: job });
    this.running = worker;
    this.progress = null;
    let outcome: SyncWorkerMessage | null = null;
    let crash: Error | null = null;
    return new Promise<SyncReport>((resolve, reject) => {
      worker.on('message', (m: SyncWorkerMessage) => {
        if (m.type === 'progress') this.progress = m.progress;
        else {
          outcome = m;
          // Idle keep-alive sockets could hold the thread open; its work (and transaction) is over.
          void worker.terminate();
        }
      });
      worker.on('error', (e) => (crash = e));
      // The thread has closed its connections when it exits: only then is the next job let in.
      worker.on('exit', (code) => {
        this.running = null;
        const done = outcome as SyncWorkerMessage | null;
        if (done?.type === 'done') return resolve(done.report);
        const cancelled = done?.type === 'failed' && done.cancelled;
        const error = cancelled
          ? new SyncCancelledError()
          : new Error(
              done?.type === 'failed'
                ? done.message
                : `The updater stopped unexpectedly (${crash?.message ?? `exit code ${code}`}); the content is unchanged.`,
            );
        this.progress = {
          ...(this.progress ?? { filesDone: 0, filesTotal: 0, bytesDone: 0, bytesTotal: 0 }),
          phase: cancelled ? 'cancelled' : 'failed',
          error: error.message,
        };
        reject(error);
      });
    });
  }

  async getProgress(): Promise<SyncProgress | null> {
    return this.progress;
  }

  async cancel(): Promise<void> {
    const command: SyncWorkerCommand = { type: 'cancel' };
    this.running?.postMessage(command);
  }

  async lastReport(): Promise<SyncReport | null> {
    return this.repo.lastReport();
  }

  async fileDiff(id: string): Promise<DiffLine[]> {
    const path = `${id}.md`;
    const now = this.repo.currentFiles().get(path);
    const before = this.repo.previousFiles().get(path);
    const text = (sha: string | undefined) => {
      const b = sha ? this.repo.blob(sha) : null;
      return b ? Buffer.from(b).toString('utf8') : '';
    };
    return lineDiff(text(before), text(now));
  }

  async setToken(token: string | null): Promise<void> {
    await this.tokens.set(token);
  }
}
