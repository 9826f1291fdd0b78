import type { Database } from 'better-sqlite3';
import type {
  DiffLine,
  SyncApi,
  SyncCheck,
  SyncProgress,
  SyncReport,
  SyncStatus,
} from '../../shared/contract/sync';
import type { ChecklistRematch } from './change-report';
import { lineDiff } from './line-diff';
import { DEFAULT_SOURCE, type GitHubSource } from './github-client';
import { SyncCancelledError, type FetchLimits } from './http-fetch';
import { checkForUpdate, revertProblem, runRevert, runUpdate } from './sync-engine';
import { SyncRepository } from './sync-repository';
import { memoryTokenStore, type TokenStore } from './token-store';

export interface SyncServiceOptions {
  /** Server, repository and ref (token comes from the token store). */
  source?: Partial<Omit<GitHubSource, 'token'>>;
  cacheDir: string;
  tokens?: TokenStore;
  limits?: FetchLimits;
  rematch?: ChecklistRematch;
}

/** Shortest token whose last four characters the status shows. */
const MIN_HINTED_TOKEN = 16;

/** The updater behind the contract: one update at a time, progress polled, cancel by AbortController. */
export class SyncService implements SyncApi {
  private readonly repo: SyncRepository;
  private readonly source: Omit<GitHubSource, 'token'>;
  private readonly tokens: TokenStore;
  private running: AbortController | null = null;
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

  private options(signal?: AbortSignal) {
    return {
      source: { ...this.source, token: this.tokens.get() ?? undefined },
      cacheDir: this.opts.cacheDir,
      limits: this.opts.limits,
      rematch: this.opts.rematch,
      signal,
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
    return this.exclusive((signal) =>
      runUpdate(this.db, { ...this.options(signal), onProgress: (p) => (this.progress = p) }).then((r) => {
        this.lastCheck = { at: new Date().toISOString(), remote: r.to };
        return r;
      }),
    );
  }

  async revert(): Promise<SyncReport> {
    return this.exclusive((signal) => runRevert(this.db, { signal, rematch: this.opts.rematch }));
  }

  /** Runs one update or revert at a time; records failure and cancel in the progress. */
  private async exclusive(job: (signal: AbortSignal) => Promise<SyncReport>): Promise<SyncReport> {
    if (this.running) throw new Error('An update is already running.');
    const ctl = new AbortController();
    this.running = ctl;
    this.progress = null;
    try {
      return await job(ctl.signal);
    } catch (e) {
      const cancelled = e instanceof SyncCancelledError || ctl.signal.aborted;
      const error = cancelled ? new SyncCancelledError() : (e as Error);
      this.progress = {
        ...(this.progress ?? { filesDone: 0, filesTotal: 0, bytesDone: 0, bytesTotal: 0 }),
        phase: cancelled ? 'cancelled' : 'failed',
        error: error.message,
      };
      throw error;
    } finally {
      this.running = null;
    }
  }

  async getProgress(): Promise<SyncProgress | null> {
    return this.progress;
  }

  async cancel(): Promise<void> {
    this.running?.abort();
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
