import type { Database } from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { posix } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { ImportReport, ImportWarning, PageId } from '../../shared/domain';
import { renderPage } from '../render/render-page';
import { buildSearchIndex } from '../search/search-index';
import { extractChecklists } from './checklists';
import { gitBlobSha } from './git-blob';
import { listCorpus, readBytes } from './corpus-reader';
import { decodeMarkdown } from './decode';
import { splitFrontMatter } from './front-matter';
import { ImportRepository } from './import-repository';
import { resolveLink, pageIdOf, type LinkTargets } from './link-resolver';
import { rewriteLinks, type LinkOutcome } from './link-rewriter';
import { buildNav } from './nav';
import { normaliseMetadata } from './normalise-metadata';
import { extractTimeline } from './timeline';

export interface ImportOptions {
  /** Re-parse every file even when its blob SHA is unchanged. */
  force?: boolean;
  /** Called after each file: (done, total). */
  onProgress?: (done: number, total: number) => void;
  /** Recorded in content.db meta: where the corpus came from, and which commit. */
  source?: string;
  commit?: string | null;
}

/** Lines longer than this get a warning (they still import). */
const LONG_LINE = 10_000;

function humanise(path: string): string {
  const base = posix.basename(path, '.md');
  return (base === 'index' ? posix.basename(posix.dirname(path)) || 'Home' : base)
    .replace(/[-_]+/g, ' ')
    .replace(/\b\w/g, (c) => c.toUpperCase());
}

function bodyChecks(path: string, body: string, bodyLine: number): ImportWarning[] {
  const out: ImportWarning[] = [];
  let fenceOpen: number | null = null;
  let fenceMarker = '';
  const lines = body.split('\n');
  lines.forEach((line, i) => {
    if (line.length > LONG_LINE && !out.some((w) => w.kind === 'long-line')) {
      out.push({ path, kind: 'long-line', message: `line ${bodyLine + i} is ${line.length} characters long`, line: bodyLine + i });
    }
    const m = /^\s*(`{3,}|~{3,})/.exec(line);
    if (!m) return;
    if (fenceOpen === null) {
      fenceOpen = bodyLine + i;
      fenceMarker = m[1]!;
    } else if (m[1]!.startsWith(fenceMarker[0]!) && m[1]!.length >= fenceMarker.length && line.trim() === m[1]) {
      fenceOpen = null;
    }
  });
  if (fenceOpen !== null) {
    out.push({ path, kind: 'unclosed-fence', message: `code fence opened on line ${fenceOpen} is never closed; the rest of the page shows as code`, line: fenceOpen });
  }
  return out;
}

/** The title written in front matter that did not parse, when it is a simple `title:` line. */
function rawTitle(raw: string | null): string | null {
  const m = raw ? /^title:\s*["']?(.+?)["']?\s*$/m.exec(raw) : null;
  return m?.[1] ?? null;
}

/**
 * Imports (or updates) a corpus into content.db in ONE transaction: killed halfway, the
 * database still shows the previous state. Files whose git blob SHA is unchanged are
 * skipped; links, aliases, navigation and search are re-derived for the whole corpus.
 * Every .md file under docs/ ends up as exactly one of page, alias or skipped; a broken
 * file never stops the import. Only an unusable corpus root throws (CorpusRootError).
 */
export function importCorpus(db: Database, root: string, opts: ImportOptions = {}): ImportReport {
  const started = performance.now();
  const { mkdocsYml, files } = listCorpus(root);
  const repo = new ImportRepository(db);
  let unchanged = 0;

  db.transaction(() => {
    const known = repo.knownFiles();
    const present = new Set(files.map((f) => f.path));
    for (const path of known.keys()) if (!present.has(path)) repo.forgetFile(path);

    files.forEach((file, i) => {
      opts.onProgress?.(i, files.length);
      let bytes: Uint8Array;
      try {
        bytes = readBytes(file);
      } catch (e) {
        repo.forgetFile(file.path);
        repo.recordFile(file.path, '', 'skipped', `unreadable: ${(e as Error).message}`);
        return;
      }
      const sha = gitBlobSha(bytes);
      if (!opts.force && known.get(file.path)?.sha === sha) {
        unchanged++;
        return;
      }
      repo.forgetFile(file.path);
      importFile(repo, file.path, bytes, sha);
    });
    opts.onProgress?.(files.length, files.length);

    resolveCorpus(repo, mkdocsYml);
    buildSearchIndex(db);
    repo.setMeta('importedAt', new Date().toISOString());
    repo.setMeta('source', opts.source ?? root);
    if (opts.commit !== undefined) repo.setMeta('commit', opts.commit ?? '');
  })();

  const counts = repo.counts();
  return {
    pages: counts.pages,
    aliases: counts.aliases,
    skipped: repo.skipped(),
    warnings: repo.warnings(),
    brokenLinks: counts.brokenLinks,
    checklistItems: counts.checklistItems,
    unchanged,
    durationMs: Math.round(performance.now() - started),
  };
}

/** Parses, renders and stores one file as a page, an alias or a skip. Never throws. */
function importFile(repo: ImportRepository, path: string, bytes: Uint8Array, sha: string): void {
  const id = pageIdOf(path);
  try {
    const decoded = decodeMarkdown(bytes);
    if (!decoded.ok) {
      repo.recordFile(path, sha, 'skipped', decoded.reason);
      return;
    }
    const warnings: ImportWarning[] = decoded.notes.map((message) => ({ path, kind: 'encoding', message }));
    const fm = splitFrontMatter(decoded.text);
    for (const p of fm.problems) warnings.push({ path, kind: p.kind, message: p.message, line: p.line });
    for (const note of fm.notes) warnings.push({ path, kind: 'front-matter-note', message: note });

    const redirect = fm.data.redirect_to;
    if (typeof redirect === 'string' && redirect.trim()) {
      repo.addAlias(id, path, redirect.trim());
      repo.recordFile(path, sha, 'alias');
      repo.addWarnings(warnings);
      return;
    }

    const meta = normaliseMetadata(fm.data);
    const rendered = renderPage(fm.body, { pageId: id });
    const shift = fm.bodyLine - 1;
    const fmTitle = typeof fm.data.title === 'string' || typeof fm.data.title === 'number' ? String(fm.data.title).trim() : '';
    const title = fmTitle || rendered.firstH1 || rawTitle(fm.raw) || humanise(path);

    for (const flag of meta.flags) warnings.push({ path, kind: flag.startsWith('template page') ? 'template' : 'odd-value', message: flag });
    for (const problem of rendered.problems) warnings.push({ path, kind: 'render', message: problem });
    warnings.push(...bodyChecks(path, fm.body, fm.bodyLine));

    const tasks = rendered.tasks.map((t) => ({ ...t, line: t.line + shift }));
    const fences = rendered.fences.map((f) => ({ ...f, line: f.line + shift }));
    const { checklists, taskKeys } = extractChecklists(id, tasks, fences, fm.data.production_checklist);
    const facts = extractTimeline(id, meta, rendered.sections);
    if (facts.some((f) => f.conflict)) {
      warnings.push({ path, kind: 'timeline-conflict', message: `year_implemented ${meta.yearImplemented} is earlier than introduced ${meta.introduced?.year}` });
    }
    // Task checkboxes carry their item's stable key (the checklist feature makes them live).
    const htmlRaw = rendered.html.replace(/data-task-index="(\d+)"/g, (_, n: string) => `data-item-key="${taskKeys[Number(n)] ?? ''}"`);

    repo.addPage(
      { id, path, blobSha: sha, title, meta, frontMatterRaw: fm.raw, htmlRaw, wordCount: rendered.wordCount },
      rendered.headings,
      rendered.sections,
      rendered.links.map((l) => ({ ...l, line: l.line + shift })),
      checklists,
      facts,
    );
    repo.recordFile(path, sha, 'page');
    repo.addWarnings(warnings);
  } catch (e) {
    // A bug or a pathological file must not stop the import: skip it with the reason.
    repo.forgetFile(path);
    repo.recordFile(path, sha, 'skipped', `could not be imported: ${(e as Error).message}`);
  }
}

/** Corpus-wide derivations: alias targets, link resolution, stored HTML links, duplicate titles, navigation. */
function resolveCorpus(repo: ImportRepository, mkdocsYml: string | null): void {
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
    if (!t.target) repo.addWarnings([{ path: a.path, kind: 'redirect-unresolved', message: `redirect_to ${a.redirectTo} does not lead to a page` }]);
  }

  const outcomes = new Map<PageId, LinkOutcome[]>();
  for (const l of repo.allLinks()) {
    const r = resolveLink(l.href, l.path, l.pageId, targets);
    repo.setLinkResolution(l.pageId, l.ord, r.targetId, r.anchor, r.broken, r.candidate);
    let list = outcomes.get(l.pageId);
    if (!list) outcomes.set(l.pageId, (list = []));
    list[l.ord] = r;
  }
  for (const p of [...repo.pageHtml()]) {
    const html = rewriteLinks(p.htmlRaw, outcomes.get(p.id) ?? []);
    if (html !== p.html) repo.setHtml(p.id, html);
  }
  repo.addDuplicateTitleWarnings();

  let navSpec: unknown = null;
  if (mkdocsYml) {
    try {
      const config = parseYaml(readFileSync(mkdocsYml, 'utf8'), { customTags: [], logLevel: 'silent', maxAliasCount: 50, uniqueKeys: false }) as { nav?: unknown } | null;
      navSpec = config?.nav ?? null;
    } catch (e) {
      repo.addWarnings([{ path: 'mkdocs.yml', kind: 'nav-missing-file', message: `mkdocs.yml could not be read: ${(e as Error).message.split('\n')[0]}` }]);
    }
  }
  const nav = buildNav(navSpec, new Map(pages.map((p) => [p.id, p.title])), new Map([...aliasTargets].map(([k, v]) => [k, v.target])));
  repo.addWarnings(nav.missing.map((m) => ({ path: 'mkdocs.yml', kind: 'nav-missing-file' as const, message: `nav names ${m}, which does not exist` })));
  repo.setNav(nav.tree);
}
