import type { AppCommandId } from './app-commands';
import type { PageId } from './domain';

/**
 * The desktop's second, small bridge besides the contract (`window.dstudioDesktop`, Electron
 * only): main tells the page what the menu, a deep link or another launch asked for, and the
 * page asks main to save itself as a PDF (only main can call `printToPDF`). The preload
 * exposes exactly these two functions; the channels are fixed here, never chosen by the page.
 */
export const DESKTOP_CHANNELS = {
  /** main → page: a DesktopCommand. */
  command: 'desktop:command',
  /** page → main (invoke): save the shown page as a PDF; answers the saved path or null. */
  savePdf: 'desktop:save-pdf',
} as const;

/** What main asks the page to do. */
export type DesktopCommand =
  { kind: 'command'; id: AppCommandId } | { kind: 'open-page'; pageId: PageId; anchor: string | null };

export interface DesktopBridge {
  /**
   * Calls `listener` for every command main sends; returns the function that stops it. (An
   * AbortSignal cannot cross the context bridge, a function can: the renderer's
   * src/renderer/src/desktop.ts turns this into the AbortSignal style.)
   */
  onCommand(listener: (command: DesktopCommand) => void): () => void;
  /**
   * Prints the shown page to PDF (with an outline from its headings) and saves it where the
   * user chooses; resolves to the saved path, or null when the user cancelled. The page must
   * be ready for paper first (src/renderer/src/print.ts).
   */
  savePdf(suggestedName: string): Promise<string | null>;
}
