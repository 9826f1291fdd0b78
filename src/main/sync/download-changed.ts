import type { SyncProgress, SyncReport } from '../../shared/contract/sync';
import { DownloadCache, verifyBlob } from './download-cache';
import type { GitHubClient } from './github-client';
import { SyncCancelledError } from './http-fetch';
import type { SyncRepository } from './sync-repository';
import { wantedFromTarball } from './tarball';
import {
  MAX_BLOB_BYTES,
  MAX_TOTAL_BYTES,
  wantedFiles,
  type TreeSelection,
  type WantedFile,
} from './tree-rules';

/** Blob requests in flight at once: enough to hide a hotel network's latency, polite to the API. */
const PARALLEL_BLOBS = 8;

/**
 * One tarball replaces single blob requests when more than this share of the files changed
 * and at least TARBALL_MIN_FILES must be fetched: the archive costs two requests (API +
 * redirect) and compresses the text about fourfold, while hundreds of blob requests each pay
 * a round trip and count against the rate limit. For a few changed files the blobs win: the
 * archive would carry the whole corpus.
 */
const TARBALL_SHARE = 0.5;
const TARBALL_MIN_FILES = 50;

export type DownloadCounts = Pick<SyncProgress, 'filesDone' | 'filesTotal' | 'bytesDone' | 'bytesTotal'>;

export interface Downloaded {
  /** The bytes of every file the apply must read, by blob SHA (unchanged files are not here). */
  bytes: Map<string, Uint8Array>;
  via: SyncReport['via'];
  counts: DownloadCounts;
}

/**
 * Gets the bytes of the selection's files whose blob SHA differs from the installed one:
 * from the download cache or the kept generations first, else from GitHub (single blobs, or
 * one tarball when most files changed), each verified against the tree and cached as it
 * arrives so an interrupted update resumes. Refuses a download above MAX_TOTAL_BYTES.
 */
export async function downloadChanged(
  repo: SyncRepository,
  client: GitHubClient,
  cache: DownloadCache,
  selection: TreeSelection,
  headSha: string,
  progress: (p: SyncProgress) => void,
  signal?: AbortSignal,
): Promise<Downloaded> {
  const current = repo.currentFiles();
  const wanted = wantedFiles(selection);
  const bytes = new Map<string, Uint8Array>();
  const missing: WantedFile[] = [];
  const missingShas = new Set<string>();
  for (const w of wanted) {
    // mkdocs.yml is read on every import (the nav is re-derived), so its bytes are always needed.
    if (current.get(w.path) === w.sha && w.path !== 'mkdocs.yml') continue;
    if (bytes.has(w.sha)) continue;
    const have = cache.get(w.sha) ?? repo.blob(w.sha);
    if (have) bytes.set(w.sha, have);
    else if (!missingShas.has(w.sha)) {
      missingShas.add(w.sha);
      missing.push(w);
    }
  }
  const bytesTotal = missing.reduce((n, m) => n + m.size, 0);
  if (bytesTotal > MAX_TOTAL_BYTES)
    throw new Error(`The update would download ${bytesTotal} bytes (at most ${MAX_TOTAL_BYTES}); refused.`);
  const state: SyncProgress = {
    phase: 'downloading',
    filesDone: 0,
    filesTotal: missing.length,
    bytesDone: 0,
    bytesTotal,
    error: null,
  };
  progress({ ...state });
  const got = async (w: WantedFile, b: Uint8Array) => {
    await cache.put(w.sha, b);
    bytes.set(w.sha, b);
    state.filesDone++;
    state.bytesDone += b.byteLength;
    progress({ ...state });
  };

  let via: SyncReport['via'] = 'none';
  let pending = missing;
  if (missing.length >= TARBALL_MIN_FILES && missing.length > TARBALL_SHARE * wanted.length) {
    via = 'tarball';
    const found = await wantedFromTarball(await client.tarball(headSha, MAX_TOTAL_BYTES), missing);
    for (const w of missing) {
      const b = found.get(w.sha);
      if (b) await got(w, b);
    }
    pending = missing.filter((w) => !found.has(w.sha));
  } else if (missing.length > 0) via = 'blobs';
  let next = 0;
  let failure: Error | null = null;
  const worker = async () => {
    while (next < pending.length && !failure) {
      const w = pending[next++]!;
      try {
        const b = await client.blob(w.sha, MAX_BLOB_BYTES);
        verifyBlob(b, w.sha, w.path, w.size);
        await got(w, b);
      } catch (e) {
        failure ??= e as Error;
      }
    }
  };
  // Every worker stops before the update fails: none may still write to the cache afterwards.
  await Promise.all(Array.from({ length: Math.min(PARALLEL_BLOBS, pending.length) }, worker));
  if (signal?.aborted) throw new SyncCancelledError();
  if (failure) throw failure;
  const { filesDone, filesTotal, bytesDone } = state;
  return { bytes, via, counts: { filesDone, filesTotal, bytesDone, bytesTotal } };
}
