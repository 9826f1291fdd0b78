import { DESKTOP_CHANNELS, type DesktopBridge, type DesktopCommand } from '../shared/desktop-bridge';

/** The parts of `ipcRenderer` the desktop bridge uses (a fake in tests). */
export interface DesktopIpc {
  on(channel: string, listener: (event: unknown, command: DesktopCommand) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, command: DesktopCommand) => void): unknown;
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
}

/**
 * `window.dstudioDesktop`: two functions on two fixed channels. The listener gets only the
 * command (never Electron's event, whose `sender` would hand the page an IPC handle).
 */
export function createDesktopBridge(ipc: DesktopIpc): DesktopBridge {
  return {
    onCommand(listener) {
      const onMessage = (_event: unknown, command: DesktopCommand) => listener(command);
      ipc.on(DESKTOP_CHANNELS.command, onMessage);
      return () => void ipc.removeListener(DESKTOP_CHANNELS.command, onMessage);
    },
    async savePdf(suggestedName) {
      const saved = await ipc.invoke(DESKTOP_CHANNELS.savePdf, suggestedName);
      return typeof saved === 'string' ? saved : null;
    },
  };
}
