import type { ExportDocument, ExportOutcome } from '../../shared/contract';
import { api } from './api';

/**
 * Saves an exported document the one way the app has: main writes it atomically after a
 * save dialog (Electron); over `dstudio serve` the browser downloads it instead.
 */
export async function saveExport(doc: ExportDocument): Promise<ExportOutcome> {
  const outcome = await api.files.saveExport(doc);
  if (outcome.kind === 'download') {
    downloadBlob(new Blob([doc.text], { type: `${doc.mime};charset=utf-8` }), doc.suggestedName);
  }
  return outcome;
}

/**
 * Hands a file to the browser's download. Binary exports (a PNG) go this way in Electron
 * too, where the download asks where to save: the export contract carries text only.
 */
export function downloadBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  // After the click has handed the blob to the download.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
