import { posix } from 'node:path';
import type { PageId } from '../../shared/domain';

/** What the resolver knows about the corpus: page ids, aliases and every page's anchors. */
export interface LinkTargets {
  pages: ReadonlySet<PageId>;
  /** alias id → target page id (already followed to a page), or null when the redirect is broken */
  aliases: ReadonlyMap<PageId, { target: PageId | null; anchor: string | null }>;
  /** page id → anchor spelling (canonical or alternative) → canonical anchor */
  anchors: ReadonlyMap<PageId, ReadonlyMap<string, string>>;
  /** file base name (without .md) → page ids having it, for repair candidates */
  byBaseName: ReadonlyMap<string, PageId[]>;
}

export interface Resolution {
  targetId: PageId | null;
  anchor: string | null;
  broken: boolean;
  candidate: PageId | null;
  /** True for links to files that are not pages (images, downloads): neither resolved nor broken. */
  asset: boolean;
}

const ASSET_EXT = /\.(?!md$)[a-z0-9]{1,5}$/i;

/** The page id for a docs-relative Markdown path: `a/b.md` → `a/b`. */
export function pageIdOf(docsPath: string): PageId {
  return docsPath.replace(/\.md$/i, '');
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** Candidate page ids for a path, in the order MkDocs would try them. */
function candidatesFor(path: string): string[] {
  const p = posix.normalize(path).replace(/^\/+/, '').replace(/\/+$/, '');
  if (p === '' || p === '.') return ['index'];
  if (p.startsWith('..')) return [];
  if (/\.md$/i.test(p)) return [pageIdOf(p)];
  if (/\.html?$/i.test(p))
    return [p.replace(/\.html?$/i, ''), p.replace(/\/?index\.html?$/i, '/index').replace(/^\//, '')];
  return [p, `${p}/index`];
}

/**
 * Resolves a link written in page `fromId` (docs path `fromPath`) against the corpus.
 * Handles `x.md`, `../x.md#a`, absolute `/section/x/`, directory-style `x/` (trying both
 * the file's folder and its directory-URL folder as base, as MkDocs' use_directory_urls
 * makes both work), same-page `#anchor`, aliases, and both anchor spellings.
 */
export function resolveLink(href: string, fromPath: string, fromId: PageId, t: LinkTargets): Resolution {
  const hashAt = href.indexOf('#');
  const pathPart = safeDecode((hashAt === -1 ? href : href.slice(0, hashAt)).split('?')[0]!.trim());
  const rawAnchor = hashAt === -1 ? null : safeDecode(href.slice(hashAt + 1)) || null;

  const fixAnchor = (id: PageId, anchor: string | null) =>
    anchor === null ? null : (t.anchors.get(id)?.get(anchor) ?? anchor);
  const ok = (id: PageId, anchor: string | null): Resolution => ({
    targetId: id,
    anchor: fixAnchor(id, anchor),
    broken: false,
    candidate: null,
    asset: false,
  });

  if (pathPart === '') return ok(fromId, rawAnchor);
  if (ASSET_EXT.test(pathPart) && !/\.html?$/i.test(pathPart)) {
    return { targetId: null, anchor: null, broken: false, candidate: null, asset: true };
  }

  const fileDir = posix.dirname(fromPath);
  const dirUrlBase = /(^|\/)index\.md$/i.test(fromPath) ? fileDir : pageIdOf(fromPath);
  const bases = pathPart.startsWith('/') ? [''] : [fileDir, dirUrlBase];
  for (const base of bases) {
    for (const id of candidatesFor(posix.join(base === '.' ? '' : base, pathPart))) {
      if (t.pages.has(id)) return ok(id, rawAnchor);
      const alias = t.aliases.get(id);
      if (alias?.target) return ok(alias.target, rawAnchor ?? alias.anchor);
    }
  }
  const baseName = posix.basename(pathPart.replace(/\/+$/, '')).replace(/\.(md|html?)$/i, '');
  const named = t.byBaseName.get(baseName) ?? [];
  return {
    targetId: null,
    anchor: rawAnchor,
    broken: true,
    candidate: named.length === 1 ? named[0]! : null,
    asset: false,
  };
}
