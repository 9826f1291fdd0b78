import { existsSync } from 'node:fs';

const REBUILD_HINT =
  'Run `npm start` (or `node build/scripts/prepare-electron-native.mjs`) once with a network connection: ' +
  'it builds the SQLite module for this Electron version into build/native-electron/.';

/**
 * Why the Electron-ABI build of better-sqlite3 cannot be used, or null when it is in
 * place. Without it better-sqlite3 would fall back to the addon npm built for Node
 * and fail with an opaque NODE_MODULE_VERSION error.
 */
export function nativeBindingProblem(
  path: string,
  isPackaged: boolean,
  exists: (p: string) => boolean = existsSync,
): string | null {
  if (exists(path)) return null;
  return isPackaged
    ? `The SQLite module is missing from this installation (${path}). Please reinstall DStudio.`
    : `The SQLite module for Electron is not built yet (${path} is missing). ${REBUILD_HINT}`;
}

/**
 * A start-up failure in words a user can act on. An ABI mismatch (the addon was built
 * for another Electron or for Node) gets the rebuild hint.
 */
export function describeStartupError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (
    /NODE_MODULE_VERSION|was compiled against a different Node\.js version|invalid ELF header|not a valid Win32 application/i.test(
      message,
    )
  ) {
    return `The SQLite module was built for a different Electron or Node version. ${REBUILD_HINT}\n\n${message}`;
  }
  return message;
}
