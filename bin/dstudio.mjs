#!/usr/bin/env node
// The `dstudio` command. It runs the built CLI (out/main/cli.js, written by `npm run build`)
// when that build is newer than every source file, because compiling the TypeScript through
// tsx costs most of a second at each start; otherwise — right after `npm install`, or after
// an edit — it runs the TypeScript sources through tsx, so it always runs the current code.
// DSTUDIO_FROM_SOURCE=1 forces the sources.
import { fileURLToPath } from 'node:url';
import { isBuildCurrent } from './build-state.mjs';

const repo = fileURLToPath(new URL('..', import.meta.url));
const useBuilt = process.env.DSTUDIO_FROM_SOURCE !== '1' && isBuildCurrent(repo, ['out/main/cli.js']);

// `dstudio pages | head` closes the pipe early: that is not an error.
process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});

const { main } = useBuilt
  ? await import(new URL('../out/main/cli.js', import.meta.url).href)
  : await (await import('tsx/esm/api')).tsImport('../src/main/cli/main.ts', import.meta.url);
process.exitCode = await main(process.argv.slice(2));
