import { join } from 'node:path';
import type { ExportDocument, ExportOutcome, FilesApi } from '../../shared/contract';
import { writeFileAtomic } from './atomic-write';
import { safeFileName } from './safe-file-name';

/**
 * Asks the user where to save a file (Electron's save dialog); null when cancelled. The
 * dialog itself already asked before replacing an existing file, so the answer may be one.
 */
export type ChooseSavePath = (suggestedName: string) => Promise<string | null>;

/**
 * Saving exports. With a `chooseSavePath` (Electron) it writes through the atomic writer;
 * without one (the HTTP transport) it answers `download` and the renderer saves the
 * document through the browser.
 */
export class FilesService implements FilesApi {
  constructor(private readonly chooseSavePath?: ChooseSavePath) {}

  async saveExport(doc: ExportDocument): Promise<ExportOutcome> {
    if (!this.chooseSavePath) return { kind: 'download' };
    const path = await this.chooseSavePath(safeFileName(doc.suggestedName));
    if (!path) return { kind: 'cancelled' };
    await writeFileAtomic(path, doc.text, { overwrite: true });
    return { kind: 'saved', path };
  }
}

/** Writes a document into a folder under a safe name, never replacing a file (CLI `--out` folders, tests). */
export async function saveInto(dir: string, doc: ExportDocument): Promise<string> {
  const path = join(dir, safeFileName(doc.suggestedName));
  await writeFileAtomic(path, doc.text);
  return path;
}
