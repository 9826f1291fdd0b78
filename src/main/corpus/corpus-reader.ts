import { lstatSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix, relative, sep } from 'node:path';

export class CorpusRootError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CorpusRootError';
  }
}

export interface CorpusFile {
  /** Path under docs/, with forward slashes. */
  path: string;
  absPath: string;
  size: number;
}

/** Most Markdown files one corpus may hold (bounded work on a hostile folder). */
export const MAX_CORPUS_FILES = 20_000;

/**
 * Checks that `root` is a usable corpus root (a folder holding docs/) and lists every
 * regular `.md` file under docs/, sorted. Symbolic links are not followed.
 */
export function listCorpus(root: string): { docsDir: string; mkdocsYml: string | null; files: CorpusFile[] } {
  let st;
  try {
    st = statSync(root);
  } catch {
    throw new CorpusRootError(
      `Corpus root ${root} does not exist. Point --corpus at a folder that holds docs/ (and mkdocs.yml).`,
    );
  }
  if (!st.isDirectory()) throw new CorpusRootError(`Corpus root ${root} is not a folder.`);
  const docsDir = join(root, 'docs');
  try {
    if (!statSync(docsDir).isDirectory()) throw new Error();
    readdirSync(docsDir);
  } catch {
    throw new CorpusRootError(`${root} has no readable docs/ folder: it is not a DStudio corpus root.`);
  }
  const files: CorpusFile[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue;
      const abs = join(dir, entry.name);
      if (entry.isDirectory()) walk(abs);
      else if (entry.isFile() && entry.name.toLowerCase().endsWith('.md')) {
        if (files.length >= MAX_CORPUS_FILES)
          throw new CorpusRootError(
            `${root} has more than ${MAX_CORPUS_FILES} Markdown files; refusing to import.`,
          );
        files.push({
          path: relative(docsDir, abs).split(sep).join(posix.sep),
          absPath: abs,
          size: lstatSync(abs).size,
        });
      }
    }
  };
  walk(docsDir);
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  let mkdocsYml: string | null = join(root, 'mkdocs.yml');
  try {
    if (!statSync(mkdocsYml).isFile()) mkdocsYml = null;
  } catch {
    mkdocsYml = null;
  }
  return { docsDir, mkdocsYml, files };
}

export function readBytes(file: CorpusFile): Uint8Array {
  return readFileSync(file.absPath);
}
