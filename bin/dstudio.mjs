#!/usr/bin/env node
// The `dstudio` command: runs the TypeScript CLI through tsx so it works right after `npm install`, with no build step.
import { tsImport } from 'tsx/esm/api';

const { main } = await tsImport('../src/main/cli/main.ts', import.meta.url);
process.exitCode = await main(process.argv.slice(2));
