import type { DesktopCommand } from '../../shared/desktop-bridge';

/**
 * The renderer's one way to the desktop bridge (menu commands, deep links, Save as PDF). In a
 * browser over `dstudio serve` there is none: `isDesktop` is false and nothing is ever sent.
 */
export const isDesktop = window.dstudioDesktop !== undefined;

/** Listens to main's commands until `signal` aborts. */
export function onDesktopCommand(listener: (command: DesktopCommand) => void, signal: AbortSignal): void {
  const bridge = window.dstudioDesktop;
  if (!bridge || signal.aborted) return;
  const stop = bridge.onCommand(listener);
  signal.addEventListener('abort', stop, { once: true });
}

/** Saves the shown page as a PDF through main (desktop only); the saved path, or null if cancelled. */
export function savePdfOnDesktop(suggestedName: string): Promise<string | null> {
  const bridge = window.dstudioDesktop;
  if (!bridge) return Promise.reject(new Error('Save as PDF goes through the print dialog in a browser.'));
  return bridge.savePdf(suggestedName);
}
