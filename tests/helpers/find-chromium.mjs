// Finds the Chromium the browser suites drive, the way a contributor has one. Plain ESM so
// that tests/e2e/run-e2e.mjs (plain Node) and the TypeScript suites share one search.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

/** Where Debian/Ubuntu's `apt-get install chromium` puts it. */
export const DEBIAN_CHROMIUM = '/usr/bin/chromium';

/** The three ways to provide a browser, named in the one message shown when none is found. */
export const NO_CHROMIUM_MESSAGE = [
  'No Chromium found for the browser tests. Provide one of:',
  '  1. CHROMIUM_PATH=/path/to/chromium (any Chromium or Chrome executable)',
  `  2. Debian/Ubuntu's Chromium at ${DEBIAN_CHROMIUM} (apt-get install chromium)`,
  '  3. a Playwright-managed Chromium: npx playwright install chromium',
].join('\n');

/**
 * The browser to use: `CHROMIUM_PATH` when set (an error when it names nothing, rather
 * than silently testing another browser), then Debian's Chromium, then the one
 * `npx playwright install chromium` downloads (`managedPath`, from playwright-core).
 * @param {{ env?: Record<string, string | undefined>, exists?: (path: string) => boolean, managedPath?: () => string }} [options]
 * @returns {{ path: string, source: 'CHROMIUM_PATH' | 'debian' | 'playwright' } | { path: null, message: string }}
 */
export function findChromium(options = {}) {
  const env = options.env ?? process.env;
  const exists = options.exists ?? existsSync;
  if (env.CHROMIUM_PATH) {
    if (exists(env.CHROMIUM_PATH)) return { path: env.CHROMIUM_PATH, source: 'CHROMIUM_PATH' };
    return {
      path: null,
      message: `CHROMIUM_PATH is set to ${env.CHROMIUM_PATH}, which does not exist.\n${NO_CHROMIUM_MESSAGE}`,
    };
  }
  if (exists(DEBIAN_CHROMIUM)) return { path: DEBIAN_CHROMIUM, source: 'debian' };
  let managed = '';
  try {
    managed = (options.managedPath ?? defaultManagedPath)();
  } catch {
    // playwright-core throws when it has no browser build for this platform: same as "not installed".
  }
  if (managed && exists(managed)) return { path: managed, source: 'playwright' };
  return { path: null, message: NO_CHROMIUM_MESSAGE };
}

/** Where `npx playwright install chromium` puts Chromium for the installed Playwright version. */
function defaultManagedPath() {
  // Loaded only when needed: playwright-core is large, and most callers find a browser before.
  return createRequire(import.meta.url)('playwright-core').chromium.executablePath();
}
