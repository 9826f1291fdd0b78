#!/usr/bin/env node
// The `dstudio` command. It runs the built CLI (out/main/cli.js, written by `npm run build`)
// when that build is newer than every source file, because compiling the TypeScript through
// tsx costs most of a second at each start; otherwise — right after `npm install`, or after
// an edit — it runs the TypeScript sources through tsx, so it always runs the current code.
// DSTUDIO_FROM_SOURCE=1 forces the sources.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const repo = new URL('..', import.meta.url);
const built = new URL('out/main/cli.js', repo);

/** Newest modification time of any file under `dir` (a few hundred files: a millisecond or two). */
function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) newest = Math.max(newest, statSync(`${entry.parentPath}/${entry.name}`).mtimeMs);
  }
  return newest;
}

function builtIsCurrent() {
  if (process.env.DSTUDIO_FROM_SOURCE === '1' || !existsSync(built)) return false;
  const builtAt = statSync(built).mtimeMs;
  const config = new URL('electron.vite.config.ts', repo);
  return newestMtime(fileURLToPath(new URL('src', repo))) < builtAt && (!existsSync(config) || statSync(config).mtimeMs < builtAt);
}

// `dstudio pages | head` closes the pipe early: that is not an error.
process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});

const { main } = builtIsCurrent()
  ? await import(built.href)
  : await (await import('tsx/esm/api')).tsImport('../src/main/cli/main.ts', import.meta.url);
process.exitCode = await main(process.argv.slice(2));
