import { z } from 'zod';
import type { ArgSchemasOf } from './arg-schemas';

/** A document the user exports (a checklist run, a report, user data…). */
export interface ExportDocument {
  /** Suggested file name, made safe by main before use (path separators, reserved names…). */
  suggestedName: string;
  /** MIME type, e.g. `text/markdown`, `text/csv`, `application/json`. */
  mime: string;
  /** The whole document. */
  text: string;
}

/** Where an export went. */
export type ExportOutcome =
  /** Written by main (Electron's save dialog) with the atomic writer. */
  | { kind: 'saved'; path: string }
  /** The user closed the save dialog. */
  | { kind: 'cancelled' }
  /** This transport cannot write files (the browser over `dstudio serve`): the renderer downloads it. */
  | { kind: 'download' };

/** Saving exports to disk: one code path for every export of the app. */
export interface FilesApi {
  /**
   * Asks where to save a document (a save dialog in Electron) and writes it atomically
   * (temp file + rename, never half-written). Over HTTP the answer is `download`, and
   * the renderer saves it through the browser.
   */
  saveExport(doc: ExportDocument): Promise<ExportOutcome>;
}

export const FILES_METHODS = ['saveExport'] as const satisfies readonly (keyof FilesApi & string)[];

/** Exports up to 50 MB of text (a user-data backup of a heavy user stays far below). */
export const MAX_EXPORT_CHARS = 50_000_000;

export const FILES_ARGS: ArgSchemasOf<FilesApi> = {
  saveExport: z.tuple([
    z
      .object({
        suggestedName: z.string().min(1).max(255),
        mime: z.string().min(1).max(100),
        text: z.string().max(MAX_EXPORT_CHARS),
      })
      .strict(),
  ]),
};
