import type { BrowserWindowConstructorOptions } from 'electron';

export interface WindowOptionsInput {
  /** Absolute path of the bundled preload (out/preload). */
  preload: string;
  /** Paint the first frame dark when the system is dark, so the window does not flash white. */
  dark: boolean;
}

/**
 * Options of the reader window, following Electron's security checklist: the page
 * gets no Node, runs in Chromium's sandbox with its own JavaScript world, and keeps
 * every web-security default. The preload is the only bridge (a fixed list of
 * contract methods).
 */
export function windowOptions({ preload, dark }: WindowOptionsInput): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 860,
    minWidth: 640,
    minHeight: 420,
    title: 'DStudio',
    show: false,
    backgroundColor: dark ? '#1e1e22' : '#ffffff',
    autoHideMenuBar: false,
    webPreferences: {
      preload,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      sandbox: true,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      enableBlinkFeatures: '',
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      safeDialogs: true,
    },
  };
}
