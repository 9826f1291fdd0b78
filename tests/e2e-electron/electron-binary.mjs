// Finds the installed Electron binary WITHOUT `require('electron')`: since Electron 45
// that require downloads the binary when it is missing, which would hang or fail on
// a machine without internet instead of letting the suite skip.
import { accessSync, constants, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const SKIP_MESSAGE =
  'Electron binary not installed here (cannot be downloaded on this machine): Electron e2e skipped';

/**
 * The Electron executable of the project's electron package, mirroring
 * node_modules/electron/index.js (path.txt + dist/, or ELECTRON_OVERRIDE_DIST_PATH).
 * Returns { path } when it exists and is executable, else { reason }.
 */
export function findElectronBinary(projectRoot, env = process.env) {
  const pkg = join(projectRoot, 'node_modules', 'electron');
  const pathFile = join(pkg, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null;
  let path;
  if (env.ELECTRON_OVERRIDE_DIST_PATH) path = join(env.ELECTRON_OVERRIDE_DIST_PATH, relative || 'electron');
  else if (relative) path = join(pkg, 'dist', relative);
  else return { reason: `${pathFile} is missing (the binary was never downloaded)` };
  try {
    accessSync(path, constants.X_OK);
  } catch {
    return { reason: `${path} is missing or not executable` };
  }
  return { path };
}
