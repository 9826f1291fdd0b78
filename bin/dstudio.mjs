#!/usr/bin/env node
// The `dstudio` command: runs the TypeScript CLI through tsx so it works right after `npm install`, with no build step.
import { tsImport } from 'tsx/esm/api';

// `dstudio pages | head` closes the pipe early: that is not an error.
process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});

const { main } = await tsImport('../src/main/cli/main.ts', import.meta.url);
process.exitCode = await main(process.argv.slice(2));
