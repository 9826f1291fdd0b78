import type { ExportDocument, ExportOutcome } from '../../shared/contract';
import { api } from './api';

/**
 * Saves an exported document the one way the app has: main writes it atomically after a
 * save dialog (Electron); over `dstudio serve` the browser downloads it instead.
 */
export async function saveExport(doc: ExportDocument): Promise<ExportOutcome> {
  const outcome = await api.files.saveExport(doc);
  if (outcome.kind === 'download') {
    const url = URL.createObjectURL(new Blob([doc.text], { type: `${doc.mime};charset=utf-8` }));
    const a = document.createElement('a');
    a.href = url;
    a.download = doc.suggestedName;
    a.rel = 'noopener';
    document.body.append(a);
    a.click();
    a.remove();
    // After the click has handed the blob to the download.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }
  return outcome;
}
