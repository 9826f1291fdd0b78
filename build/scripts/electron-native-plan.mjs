// Pure parts of prepare-electron-native.mjs (paths, stamp, commands, messages), kept
// apart so unit tests can import them without building anything.
import { join } from 'node:path';

/** Where the Electron build lives (git-ignored; never touched by `npm install`). */
export function nativePaths(projectRoot) {
  const dir = join(projectRoot, 'build', 'native-electron');
  return {
    dir,
    /** A private copy of the package, so the Node build in node_modules stays intact for tests and the CLI. */
    copy: join(dir, 'better-sqlite3'),
    addon: join(dir, 'better_sqlite3.node'),
    stamp: join(dir, 'stamp.json'),
    source: join(projectRoot, 'node_modules', 'better-sqlite3'),
    electronPackage: join(projectRoot, 'node_modules', 'electron', 'package.json'),
    prebuildInstall: join(projectRoot, 'node_modules', 'prebuild-install', 'bin.js'),
  };
}

/** What the addon was built for; any change means a rebuild. */
export function stampFor({ electron, betterSqlite3, platform, arch }) {
  return { electron, betterSqlite3, platform, arch };
}

/** True when the addon exists and its stamp (file text, or null) records exactly `wanted`. */
export function isUpToDate(wanted, stampText, addonExists) {
  if (!addonExists || stampText === null) return false;
  let found;
  try {
    found = JSON.parse(stampText);
  } catch {
    return false;
  }
  if (typeof found !== 'object' || found === null) return false;
  const keys = Object.keys(wanted);
  return keys.length === Object.keys(found).length && keys.every((k) => found[k] === wanted[k]);
}

/** Copy filter (path relative to the package): skip the Node build and anything not needed to build. */
export function shouldCopy(relativePath) {
  const first = relativePath.split(/[\\/]/)[0];
  return !['build', 'node_modules', '.git', 'test', 'benchmark', 'docs'].includes(first);
}

/**
 * Environment for the build tools. npm passes its config to scripts as npm_config_*
 * variables; a `nodedir`, `target`, `runtime` or `disturl` meant for Node would make
 * node-gyp or prebuild-install build against Node's headers instead of Electron's
 * and produce an addon Electron refuses to load.
 */
export function buildEnv(env) {
  const out = {};
  for (const [k, v] of Object.entries(env)) {
    if (
      /^npm_config_(nodedir|target|runtime|disturl|dist_url|arch|target_arch|build_from_source|platform|libc)$/i.test(
        k,
      )
    )
      continue;
    out[k] = v;
  }
  return out;
}

/** First try: a prebuilt addon for this Electron from better-sqlite3's GitHub releases (no compiler needed). */
export function prebuildArgs({ electron, platform, arch }) {
  return [
    '--runtime=electron',
    `--target=${electron}`,
    `--arch=${arch}`,
    `--platform=${platform}`,
    '--verbose',
  ];
}

/** Fallback: compile against Electron's headers. */
export function nodeGypArgs({ electron, arch }) {
  return [
    'rebuild',
    '--release',
    '--runtime=electron',
    `--target=${electron}`,
    '--dist-url=https://electronjs.org/headers',
    `--arch=${arch}`,
  ];
}

/** Whether tool output shows a network failure rather than a build error. */
export function isOfflineError(output) {
  return /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|EHOSTUNREACH|getaddrinfo|socket hang up|Could not resolve host|network is unreachable/i.test(
    output,
  );
}

/** The message printed when neither a prebuilt addon nor Electron's headers could be downloaded. */
export function offlineMessage(electron) {
  return [
    `Cannot prepare SQLite for Electron ${electron}: the network is not reachable.`,
    'The first `npm start` needs a connection once, to download either a prebuilt better-sqlite3 for this',
    "Electron version (github.com) or Electron's headers to compile it (electronjs.org).",
    'Connect and run `npm start` again; afterwards the build is kept in build/native-electron/ and works offline.',
    '(Tests and the `dstudio` CLI do not need this step.)',
  ].join('\n');
}
