import { join } from 'node:path';

export interface AppLocations {
  /** `app.isPackaged`. */
  isPackaged: boolean;
  /** `app.getAppPath()`: the project folder in development, the app archive when packaged. */
  appPath: string;
  /** `process.resourcesPath`: where a packaged app keeps its extra resources. */
  resourcesPath: string;
  /** `app.getPath('userData')`. */
  userData: string;
}

export interface AppPaths {
  contentDb: string;
  userDb: string;
  /** Built UI served over app:// (out/renderer). */
  rendererRoot: string;
  preload: string;
  /** The starter corpus imported on first start (the project's content/ folder). */
  starterCorpus: string;
  /** better-sqlite3 built for Electron's ABI (build/scripts/prepare-electron-native.mjs). */
  nativeBinding: string;
}

/** Name of the Electron-ABI addon; the build script writes it, packaging copies it as an extra resource. */
export const NATIVE_ADDON_FILE = 'better_sqlite3.node';

/**
 * Every file location the app uses. Both databases live in the user's data folder;
 * the code and the UI come from the app itself, and the two things that are not
 * JavaScript (the starter content and the native addon) from the project folder in
 * development and from `resources/` when packaged (outside the asar archive, where
 * a native addon cannot be loaded from).
 */
export function appPaths(at: AppLocations): AppPaths {
  const resources = at.isPackaged ? at.resourcesPath : null;
  return {
    contentDb: join(at.userData, 'content.db'),
    userDb: join(at.userData, 'user.db'),
    rendererRoot: join(at.appPath, 'out', 'renderer'),
    preload: join(at.appPath, 'out', 'preload', 'index.cjs'),
    starterCorpus: resources ? join(resources, 'content') : join(at.appPath, 'content'),
    nativeBinding: resources
      ? join(resources, 'native-electron', NATIVE_ADDON_FILE)
      : join(at.appPath, 'build', 'native-electron', NATIVE_ADDON_FILE),
  };
}
