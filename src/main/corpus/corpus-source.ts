import { readFileSync } from 'node:fs';
import { listCorpus, readBytes } from './corpus-reader';
import { listImages } from './corpus-images';

/** One file the importer may read: a Markdown file under docs/, or mkdocs.yml. */
export interface SourceFile {
  /** Path under docs/ with forward slashes (`mkdocs.yml` for the config). */
  path: string;
  /** Its git blob SHA when the source already knows it (a git tree); unchanged files are then never read. */
  sha?: string;
  /** Its size in bytes when the source knows it without reading (a too-large file is then never read). */
  size?: number;
  /** Its bytes; may throw (the file is then recorded as unreadable). */
  read(): Uint8Array;
}

/** Where an import takes its files from: a folder on disk, or a verified git tree (sync). */
export interface CorpusSource {
  /** Every Markdown file under docs/, sorted by path. */
  files: SourceFile[];
  mkdocs: SourceFile | null;
  /** Image files under docs/ (svg, png, jpg, gif, webp); absent: the stored images are kept as they are. */
  images?: SourceFile[];
}

/** A corpus folder (holding docs/ and mkdocs.yml) as an import source. Throws CorpusRootError. */
export function folderSource(root: string): CorpusSource {
  const { docsDir, mkdocsYml, files } = listCorpus(root);
  return {
    files: files.map((f) => ({ path: f.path, read: () => readBytes(f) })),
    mkdocs: mkdocsYml ? { path: 'mkdocs.yml', read: () => readFileSync(mkdocsYml) } : null,
    images: listImages(docsDir),
  };
}
