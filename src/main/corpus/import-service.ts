import type { Database } from 'better-sqlite3';
import { posix } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { ImportReport, PageId, SkippedImage } from '../../shared/domain';
import { buildSearchIndex, dropPagesFromIndex } from '../search/search-index';
import { storeImages } from './corpus-images';
import { folderSource, type CorpusSource } from './corpus-source';
import { gitBlobSha } from './git-blob';
import { ImportRepository } from './import-repository';
import { resolveLink, type LinkTargets } from './link-resolver';
import { buildNav } from './nav';
import type { ParsedFile } from './parse-file';
import { parseAll, type ParseJob } from './parse-pool';

export interface ImportOptions {
  /** Re-parse every file even when its blob SHA is unchanged. */
  force?: boolean;
  /** Called as work advances: files parsed, then files written. */
  onProgress?: (done: number, total: number, phase: 'parse' | 'write') => void;
  /** Recorded in content.db meta: where the corpus came from, and which commit. */
  source?: string;
  commit?: string | null;
  /** Parser threads (default: by core count, see parse-pool.ts). */
  threads?: number;
  /**
   * Runs last inside the import's one write transaction (sync records its commit, previous
   * generation and change report there, so they commit or roll back with the content).
   */
  inTransaction?: () => void;
}

/**
 * Imports (or updates) a corpus into content.db. Changed files (by git blob SHA) are
 * parsed and rendered on all cores first; then everything is written in ONE transaction,
 * so an import killed at any moment leaves the previous state. Links, aliases, navigation
 * and search are re-derived for the whole corpus. Every .md file under docs/ ends up as
 * exactly one of page, alias or skipped; a broken file never stops the import. Only an
 * unusable corpus root throws (CorpusRootError).
 */
export async function importCorpus(
  db: Database,
  root: string,
  opts: ImportOptions = {},
): Promise<ImportReport> {
  return importSource(db, folderSource(root), { source: root, ...opts });
}

/**
 * Imports from any source of files (a folder, or sync's verified blobs): the one import path.
 * A file whose known SHA equals the stored one is not even read. Every file read is kept
 * (raw-deflated, by blob SHA) so an update can be reverted and diffed offline.
 */
export async function importSource(
  db: Database,
  source: CorpusSource,
  opts: ImportOptions = {},
): Promise<ImportReport> {
  const started = performance.now();
  const { files } = source;
  const repo = new ImportRepository(db);
  const known = repo.knownFiles();

  const jobs: ParseJob[] = [];
  const unreadable: ParsedFile[] = [];
  let unchanged = 0;
  for (const file of files) {
    if (!opts.force && file.sha !== undefined && known.get(file.path)?.sha === file.sha) {
      unchanged++;
      continue;
    }
    let bytes: Uint8Array;
    try {
      bytes = file.read();
    } catch (e) {
      unreadable.push({
        kind: 'skipped',
        path: file.path,
        sha: '',
        reason: `unreadable: ${(e as Error).message}`,
      });
      continue;
    }
    const sha = gitBlobSha(bytes);
    if (!opts.force && known.get(file.path)?.sha === sha) unchanged++;
    else jobs.push({ path: file.path, bytes, sha });
  }
  const mkdocs = readMkdocs(source);
  const timings = { readMs: performance.now() - started, parseMs: 0, writeMs: 0, resolveMs: 0, searchMs: 0 };
  let mark = performance.now();
  const lap = (key: keyof typeof timings) => {
    const now = performance.now();
    timings[key] = Math.round(now - mark);
    mark = now;
  };
  const parsed = [
    ...(await parseAll(jobs, (d, t) => opts.onProgress?.(d, t, 'parse'), opts.threads)),
    ...unreadable,
  ];
  lap('parseMs');

  let skippedImages: SkippedImage[] = [];
  db.transaction(() => {
    const present = new Set(files.map((f) => f.path));
    const gone = [...known.keys()].filter((path) => !present.has(path));
    // Only the pages rewritten here are re-indexed; a forced import rebuilds the whole index.
    const delta = opts.force ? null : dropPagesFromIndex(db, [...gone, ...parsed.map((p) => p.path)]);
    for (const path of gone) repo.forgetFile(path);
    parsed.forEach((p, i) => {
      repo.forgetFile(p.path);
      repo.store(p);
      opts.onProgress?.(i + 1, parsed.length, 'write');
    });
    for (const job of jobs) repo.keepBlob(job.sha, job.bytes);
    if (mkdocs && !(mkdocs instanceof Error)) repo.keepBlob(mkdocs.sha, mkdocs.bytes);
    if (source.images) skippedImages = storeImages(db, source.images);
    repo.setMeta('mkdocsSha', mkdocs && !(mkdocs instanceof Error) ? mkdocs.sha : '');
    lap('writeMs');
    resolveCorpus(repo, mkdocs);
    lap('resolveMs');
    buildSearchIndex(db, { delta });
    lap('searchMs');
    repo.setMeta('importedAt', new Date().toISOString());
    repo.setMeta('source', opts.source ?? 'unknown');
    if (opts.commit !== undefined) repo.setMeta('commit', opts.commit ?? '');
    opts.inTransaction?.();
    repo.dropUnusedBlobs();
  })();

  const counts = repo.counts();
  return {
    pages: counts.pages,
    aliases: counts.aliases,
    skipped: repo.skipped(),
    skippedImages,
    warnings: repo.warnings(),
    brokenLinks: counts.brokenLinks,
    checklistItems: counts.checklistItems,
    unchanged,
    durationMs: Math.round(performance.now() - started),
    timings: { ...timings, readMs: Math.round(timings.readMs) },
  };
}

/** mkdocs.yml's bytes and SHA, an Error when it cannot be read, null when the corpus has none. */
function readMkdocs(source: CorpusSource): { bytes: Uint8Array; sha: string } | Error | null {
  if (!source.mkdocs) return null;
  try {
    const bytes = source.mkdocs.read();
    return { bytes, sha: gitBlobSha(bytes) };
  } catch (e) {
    return e as Error;
  }
}

/** Corpus-wide derivations: alias targets, link resolution, duplicate titles, navigation. */
function resolveCorpus(repo: ImportRepository, mkdocs: ReturnType<typeof readMkdocs>): void {
  repo.clearCorpusWideWarnings();
  const pages = repo.allPages();
  const pageIds = new Set(pages.map((p) => p.id));
  const anchors = new Map<PageId, Map<string, string>>();
  for (const h of repo.allAnchors()) {
    let m = anchors.get(h.pageId);
    if (!m) anchors.set(h.pageId, (m = new Map()));
    m.set(h.anchor, h.anchor);
    for (const alt of JSON.parse(h.altAnchors) as string[]) if (!m.has(alt)) m.set(alt, h.anchor);
  }
  const byBaseName = new Map<string, PageId[]>();
  for (const id of pageIds) {
    const base = posix.basename(id) === 'index' ? posix.basename(posix.dirname(id)) : posix.basename(id);
    byBaseName.set(base, [...(byBaseName.get(base) ?? []), id]);
  }
  const aliasTargets = new Map<PageId, { target: PageId | null; anchor: string | null }>();
  const targets: LinkTargets = { pages: pageIds, aliases: aliasTargets, anchors, byBaseName };

  // Two rounds so an alias of an alias resolves to the final page.
  const aliases = repo.allAliases();
  for (let round = 0; round < 2; round++) {
    for (const a of aliases) {
      const r = resolveLink(a.redirectTo, a.path, a.id, targets);
      aliasTargets.set(a.id, { target: r.broken ? null : r.targetId, anchor: r.anchor });
    }
  }
  for (const a of aliases) {
    const t = aliasTargets.get(a.id)!;
    repo.setAliasTarget(a.id, t.target, t.anchor);
    if (!t.target)
      repo.addWarnings([
        {
          path: a.path,
          kind: 'redirect-unresolved',
          message: `redirect_to ${a.redirectTo} does not lead to a page`,
        },
      ]);
  }

  for (const l of repo.allLinks()) {
    const r = resolveLink(l.href, l.path, l.pageId, targets);
    if (
      r.targetId !== l.targetId ||
      r.anchor !== l.anchor ||
      r.broken !== !!l.broken ||
      r.candidate !== l.candidate ||
      r.asset !== !!l.asset
    ) {
      repo.setLinkResolution(l.pageNo, l.ord, r);
    }
  }
  repo.addDuplicateTitleWarnings();

  let navSpec: unknown = null;
  if (mkdocs) {
    try {
      if (mkdocs instanceof Error) throw mkdocs;
      const config = parseYaml(Buffer.from(mkdocs.bytes).toString('utf8'), {
        customTags: [],
        logLevel: 'silent',
        maxAliasCount: 50,
        uniqueKeys: false,
      }) as { nav?: unknown } | null;
      navSpec = config?.nav ?? null;
    } catch (e) {
      repo.addWarnings([
        {
          path: 'mkdocs.yml',
          kind: 'nav-missing-file',
          message: `mkdocs.yml could not be read: ${(e as Error).message.split('\n')[0]}`,
        },
      ]);
    }
  }
  const nav = buildNav(
    navSpec,
    new Map(pages.map((p) => [p.id, p.title])),
    new Map([...aliasTargets].map(([k, v]) => [k, v.target])),
  );
  repo.addWarnings(
    nav.missing.map((m) => ({
      path: 'mkdocs.yml',
      kind: 'nav-missing-file' as const,
      message: `nav names ${m}, which does not exist`,
    })),
  );
  repo.setNav(nav.tree);
}
