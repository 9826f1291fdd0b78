/**
 * The updater: checks the ref's head, lists and downloads what changed (download-changed.ts)
 * and applies it as the next generation (apply-generation.ts); reverts to the kept one.
 */
import type { Database } from 'better-sqlite3';
import type { SyncCheck, SyncProgress, SyncReport } from '../../shared/contract/sync';
import { imageTypeOf } from '../corpus/corpus-images';
import type { CorpusSource, SourceFile } from '../corpus/corpus-source';
import { applyGeneration, failMissing, PREVIOUS_HAS_IMAGES } from './apply-generation';
import type { ChecklistRematch } from './change-report';
import { DownloadCache } from './download-cache';
import { downloadChanged } from './download-changed';
import { GitHubClient, type GitHubSource, type HeadCommit } from './github-client';
import { DEFAULT_LIMITS, type FetchLimits } from './http-fetch';
import { SyncRepository } from './sync-repository';
import { installedListing, keepListing } from './tree-listing';
import { selectContent, type WantedFile } from './tree-rules';

export interface SyncOptions {
  source: GitHubSource;
  /** Where verified downloads wait to be applied (survives an interrupted update). */
  cacheDir: string;
  limits?: FetchLimits;
  signal?: AbortSignal;
  onProgress?: (p: SyncProgress) => void;
  rematch?: ChecklistRematch;
  /** Installs a head older than the content (or the generation kept for revert) instead of refusing. */
  allowOlder?: boolean;
}

/** The key under which the head's ETag is kept: valid only for the same server, repository and ref. */
function etagKey(s: GitHubSource): string {
  return `${s.apiUrl}|${s.owner}/${s.repo}@${s.ref}`;
}

function progressOf(phase: SyncProgress['phase'], extra: Partial<SyncProgress> = {}): SyncProgress {
  return { phase, filesDone: 0, filesTotal: 0, bytesDone: 0, bytesTotal: 0, error: null, ...extra };
}

/** Resolves the ref to its head commit; `null` head means the 304 "unchanged since the kept ETag". */
async function resolveHead(
  repo: SyncRepository,
  client: GitHubClient,
): Promise<{ head: HeadCommit | null; local: string | null }> {
  const local = repo.meta('commit');
  const etag = local && repo.meta('syncEtagKey') === etagKey(client.source) ? repo.meta('syncEtag') : null;
  return { head: await client.headCommit(etag), local };
}

/** Asks whether the content is the ref's head (one request; a 304 when unchanged). */
export async function checkForUpdate(db: Database, opts: SyncOptions): Promise<SyncCheck> {
  const repo = new SyncRepository(db);
  const client = new GitHubClient(opts.source, opts.limits ?? DEFAULT_LIMITS, opts.signal);
  const { head, local } = await resolveHead(repo, client);
  const remote = head?.sha ?? local!;
  return {
    upToDate: remote === local,
    localCommit: local,
    remoteCommit: remote,
    requests: client.usage.requests,
  };
}

/**
 * Updates content.db to the ref's head commit. Only files whose blob SHA differs are
 * fetched (or taken from the download cache / the kept generations); each is verified
 * against the tree; everything is applied through the importer in one transaction,
 * together with the previous generation (for revert) and the change report. Any failure
 * or cancel leaves content.db exactly as it was. Never touches user.db.
 */
export async function runUpdate(db: Database, opts: SyncOptions): Promise<SyncReport> {
  const started = performance.now();
  const repo = new SyncRepository(db);
  const client = new GitHubClient(opts.source, opts.limits ?? DEFAULT_LIMITS, opts.signal);
  const cache = new DownloadCache(opts.cacheDir);
  const progress = (p: SyncProgress) => opts.onProgress?.(p);

  progress(progressOf('checking'));
  const { head, local } = await resolveHead(repo, client);
  const base = {
    from: local,
    rejected: [] as SyncReport['rejected'],
    via: 'none' as SyncReport['via'],
  };
  const finish = (
    parts: Omit<SyncReport, 'from' | 'rejected' | 'via' | 'bytesFetched' | 'requests' | 'durationMs' | 'at'>,
  ) => ({
    ...base,
    ...parts,
    bytesFetched: client.usage.bytes,
    requests: client.usage.requests,
    durationMs: Math.round(performance.now() - started),
    at: new Date().toISOString(),
  });
  if (!head || head.sha === local) {
    if (head) rememberEtag(repo, opts.source, head);
    progress(progressOf('done'));
    return finish({
      kind: 'update',
      to: local,
      upToDate: true,
      added: [],
      changed: [],
      removed: [],
      tierMoves: [],
      files: [],
      guides: [],
    });
  }

  const older = opts.allowOlder ? null : olderProblem(repo, opts.source.ref, head);
  if (older) throw new Error(older);

  progress(progressOf('listing'));
  const listing = await client.contentTree(head.treeSha, installedListing(repo));
  const selection = selectContent(listing);
  base.rejected = selection.rejected;
  const { bytes, via, counts } = await downloadChanged(
    repo,
    client,
    cache,
    selection,
    head.sha,
    progress,
    opts.signal,
  );
  base.via = via;

  progress(progressOf('applying', counts));
  const fromMap = (w: WantedFile): SourceFile => ({
    path: w.path,
    sha: w.sha,
    read: () => bytes.get(w.sha) ?? repo.blob(w.sha) ?? failMissing(w.path),
  });
  const source: CorpusSource = {
    files: selection.files.map(fromMap),
    mkdocs: selection.mkdocs ? fromMap(selection.mkdocs) : null,
    images: selection.images.map(fromMap),
  };
  const report = await applyGeneration(db, repo, source, {
    kind: 'update',
    commit: head.sha,
    committedAt: head.date,
    label: `github:${opts.source.owner}/${opts.source.repo}@${opts.source.ref}`,
    signal: opts.signal,
    rematch: opts.rematch,
    finish: (parts) => finish({ ...parts, kind: 'update', to: head.sha, upToDate: false }),
    after: () => {
      rememberEtag(repo, opts.source, head);
      keepListing(repo, head.sha, listing);
    },
  });
  for (const sha of bytes.keys()) cache.remove(sha);
  progress(progressOf('done', counts));
  return report;
}

function rememberEtag(repo: SyncRepository, source: GitHubSource, head: HeadCommit): void {
  repo.setMeta('syncEtag', head.etag);
  repo.setMeta('syncEtagKey', etagKey(source));
}

/**
 * Restores the kept previous generation (offline: its bytes are in content.db), in one
 * transaction; the generation it replaces becomes the new previous one, so revert is undoable.
 */
export async function runRevert(
  db: Database,
  opts: { signal?: AbortSignal; rematch?: ChecklistRematch } = {},
): Promise<SyncReport> {
  const started = performance.now();
  const repo = new SyncRepository(db);
  const problem = revertProblem(repo);
  if (problem) throw new Error(problem);
  const previous = repo.previousFiles();
  const file = (path: string, sha: string): SourceFile => ({
    path,
    sha,
    read: () => repo.blob(sha) ?? failMissing(path),
  });
  const mk = previous.get('mkdocs.yml');
  const all = [...previous]
    .filter(([p]) => p !== 'mkdocs.yml')
    .map(([p, s]) => file(p, s))
    .sort((a, b) => (a.path < b.path ? -1 : 1));
  const source: CorpusSource = {
    files: all.filter((f) => !imageTypeOf(f.path)),
    mkdocs: mk ? file('mkdocs.yml', mk) : null,
    // A generation kept before images were synced does not list them: the stored ones stay.
    images: repo.meta(PREVIOUS_HAS_IMAGES) ? all.filter((f) => imageTypeOf(f.path)) : undefined,
  };
  const from = repo.meta('commit');
  const to = repo.meta('previousCommit');
  return applyGeneration(db, repo, source, {
    kind: 'revert',
    commit: to,
    committedAt: repo.meta('previousCommittedAt'),
    label: repo.meta('previousSource') ?? 'revert',
    signal: opts.signal,
    rematch: opts.rematch,
    // The ETag names the head we left: a check after a revert must see the update again.
    after: () => repo.setMeta('syncEtag', null),
    finish: (parts) => ({
      kind: 'revert',
      from,
      to,
      upToDate: false,
      ...parts,
      rejected: [],
      via: 'none',
      bytesFetched: 0,
      requests: 0,
      durationMs: Math.round(performance.now() - started),
      at: new Date().toISOString(),
    }),
  });
}

/**
 * Why installing `head` would go backwards, or null. A force-pushed or reset branch must not
 * silently replace newer content: the user's reading moved on with it.
 */
function olderProblem(repo: SyncRepository, ref: string, head: HeadCommit): string | null {
  const local = repo.meta('commit');
  const localDate = repo.meta('committedAt');
  const short = (sha: string | null) => sha?.slice(0, 7) ?? 'unknown';
  // After a revert the kept generation is the newer one, and updating to it is going forward.
  const keptIsOlder = head.sha === repo.meta('previousCommit') && repo.lastReport()?.kind !== 'revert';
  const older =
    keptIsOlder ||
    (head.date !== null && localDate !== null && Date.parse(head.date) < Date.parse(localDate));
  if (!older) return null;
  return (
    `The repository's ${ref} is older than your content (${ref} is ${short(head.sha)} of ${head.date ?? 'unknown date'}, ` +
    `yours is ${short(local)} of ${localDate ?? 'unknown date'}); nothing changed.`
  );
}

/** Why revert is impossible now, or null. */
export function revertProblem(repo: SyncRepository): string | null {
  const previous = repo.previousFiles();
  if (previous.size === 0)
    return 'There is no previous content to go back to: revert is possible after an update.';
  for (const [path, sha] of previous)
    if (!repo.hasBlob(sha))
      return `The previous content is incomplete (${path} is not kept); revert is not possible.`;
  return null;
}
