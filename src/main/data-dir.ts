import { homedir } from 'node:os';
import { join } from 'node:path';

/** The product name; Electron names its user-data folder after package.json's productName. */
export const PRODUCT_NAME = 'DStudio Desktop';

/**
 * The folder where the app keeps content.db and user.db: the same one Electron's
 * `app.getPath('userData')` gives, so `dstudio serve` and the desktop app share the
 * user's data. Computed without Electron for the CLI.
 */
export function defaultDataDir(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home = homedir(),
): string {
  if (platform === 'win32') return join(env.APPDATA || join(home, 'AppData', 'Roaming'), PRODUCT_NAME);
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', PRODUCT_NAME);
  return join(env.XDG_CONFIG_HOME || join(home, '.config'), PRODUCT_NAME);
}
