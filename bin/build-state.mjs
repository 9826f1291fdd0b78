// Whether the build in out/ is current: shared by bin/dstudio.mjs (run the built CLI or the
// sources), tests/e2e/run-e2e.mjs and bench/ui.bench.ts (rebuild first when stale).
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** What the build is made from: every file under src/, the build config and the lockfile. */
const SOURCES = ['src', 'electron.vite.config.ts', 'package-lock.json'];

/** The built files whose age is checked: the CLI and the UI. */
export const BUILT_FILES = ['out/main/cli.js', 'out/renderer/index.html'];

/** Newest modification time under `path` (a few hundred files: a millisecond or two), 0 when absent. */
function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const entry of readdirSync(path, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

/**
 * True when each of `built` (paths relative to `repo`) exists and is newer than every
 * source file, so running it runs the current code.
 * @param {string} repo
 * @param {readonly string[]} [built]
 */
export function isBuildCurrent(repo, built = BUILT_FILES) {
  const files = built.map((f) => join(repo, f));
  if (!files.every((f) => existsSync(f))) return false;
  const sources = Math.max(...SOURCES.map((s) => newestMtime(join(repo, s))));
  return files.every((f) => statSync(f).mtimeMs > sources);
}
