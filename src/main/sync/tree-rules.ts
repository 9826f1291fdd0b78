import { imageTypeOf, MAX_IMAGE_BYTES, MAX_IMAGES } from '../corpus/corpus-images';
import { MAX_CORPUS_FILES } from '../corpus/corpus-reader';
import type { TreeEntry } from './github-client';

/** Largest single file accepted. */
export const MAX_BLOB_BYTES = 10 * 1024 * 1024;
/** Most bytes one update may need (the whole real corpus is a small fraction). */
export const MAX_TOTAL_BYTES = 200 * 1024 * 1024;

/** A tree that cannot be trusted at all (a path escaping the content root): the update stops. */
export class HostileTreeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'HostileTreeError';
  }
}

/** A file of the tree the importer wants: its path under docs/ (or `mkdocs.yml`), blob SHA and size. */
export interface WantedFile {
  path: string;
  sha: string;
  size: number;
}

export interface TreeSelection {
  /** Markdown files under docs/, sorted by path. */
  files: WantedFile[];
  mkdocs: WantedFile | null;
  /** Images under docs/ (the types the importer stores), sorted by path. */
  images: WantedFile[];
  /** Entries left out, and why (symlinks, submodules, oversized, unsafe names). */
  rejected: { path: string; reason: string }[];
}

const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[1-9]|lpt[1-9])(\..*)?$/i;
// eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
const CONTROL = /[\u0000-\u001f\u007f]/;

/** Why a path may not leave the tree at all (structure), or null. */
function structuralProblem(path: string): string | null {
  if (path === '') return 'an empty path';
  if (path.startsWith('/') || /^[A-Za-z]:/.test(path)) return 'an absolute path';
  if (path.includes('\\')) return 'a backslash';
  if (CONTROL.test(path)) return 'a control character';
  if (path.split('/').some((s) => s === '' || s === '.' || s === '..'))
    return 'a "." or ".." or empty segment';
  return null;
}

/** Why a safe-structured name is still not imported (it would misbehave on some file system), or null. */
function nameProblem(path: string): string | null {
  for (const seg of path.split('/')) {
    if (seg.toLowerCase() === '.git' || seg.toLowerCase().startsWith('.git ')) return 'a ".git" segment';
    if (WINDOWS_RESERVED.test(seg)) return 'a Windows reserved name';
    if (/[. ]$/.test(seg)) return 'a segment ending in a dot or space';
  }
  return null;
}

/**
 * Picks, from a commit's tree, what the importer reads: regular `.md` files and images under
 * docs/, and mkdocs.yml. Any entry whose path escapes the root throws HostileTreeError (the whole tree
 * is then untrusted); symlinks (120000), submodules (160000), oversized files, unsafe names
 * and case-fold collisions are left out with a reason.
 */
export function selectContent(entries: TreeEntry[]): TreeSelection {
  const files: WantedFile[] = [];
  const images: WantedFile[] = [];
  const rejected: { path: string; reason: string }[] = [];
  let mkdocs: WantedFile | null = null;
  const folded = new Map<string, string>();
  for (const e of entries) {
    const problem = structuralProblem(e.path);
    if (problem)
      throw new HostileTreeError(`The content tree names "${e.path}", which has ${problem}; update refused.`);
    const inDocs = e.path.startsWith('docs/');
    const isDoc = inDocs && e.path.toLowerCase().endsWith('.md');
    const isImage = inDocs && imageTypeOf(e.path) !== null;
    if (!isDoc && !isImage && e.path !== 'mkdocs.yml') continue;
    const reject = (reason: string) => rejected.push({ path: e.path, reason });
    if (e.mode === '120000') reject('a symbolic link');
    else if (e.mode === '160000' || e.type === 'commit') reject('a submodule');
    else if (e.type !== 'blob' || !/^100(644|755)$/.test(e.mode))
      reject(`not a regular file (mode ${e.mode})`);
    else if ((e.size ?? 0) > MAX_BLOB_BYTES) reject(`larger than ${MAX_BLOB_BYTES / 1024 / 1024} MB`);
    else if (isImage && (e.size ?? 0) > MAX_IMAGE_BYTES)
      reject(`an image larger than ${MAX_IMAGE_BYTES / 1024 / 1024} MB`);
    else if (isImage && images.length >= MAX_IMAGES) reject(`past the cap of ${MAX_IMAGES} images`);
    else {
      const bad = nameProblem(e.path);
      const fold = e.path.normalize('NFC').toLowerCase();
      if (bad) reject(`the name has ${bad}`);
      else if (folded.has(fold)) reject(`differs from ${folded.get(fold)} only in case or Unicode form`);
      else {
        folded.set(fold, e.path);
        const wanted = {
          path: e.path === 'mkdocs.yml' ? e.path : e.path.slice('docs/'.length),
          sha: e.sha,
          size: e.size ?? 0,
        };
        if (e.path === 'mkdocs.yml') mkdocs = wanted;
        else if (isImage) images.push(wanted);
        else files.push(wanted);
      }
    }
  }
  if (files.length > MAX_CORPUS_FILES)
    throw new HostileTreeError(
      `The content tree has ${files.length} Markdown files (at most ${MAX_CORPUS_FILES}); update refused.`,
    );
  const total = [...files, ...images].reduce((n, f) => n + f.size, mkdocs?.size ?? 0);
  if (total > MAX_TOTAL_BYTES)
    throw new HostileTreeError(
      `The content tree holds ${total} bytes (at most ${MAX_TOTAL_BYTES}); update refused.`,
    );
  const byPath = (a: WantedFile, b: WantedFile) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
  files.sort(byPath);
  images.sort(byPath);
  return { files, mkdocs, images, rejected };
}

/** Every file of a selection, as the installed generation lists them (docs paths and `mkdocs.yml`). */
export function wantedFiles(s: TreeSelection): WantedFile[] {
  return s.mkdocs ? [...s.files, ...s.images, s.mkdocs] : [...s.files, ...s.images];
}
