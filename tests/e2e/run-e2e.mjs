#!/usr/bin/env node
// `npm run test:e2e`: builds the UI and the CLI when missing or older than their sources,
// runs the Playwright suite in Chromium (CHROMIUM_PATH, Debian's, or Playwright's own:
// tests/helpers/find-chromium.mjs) against `dstudio serve`, then the Electron spec runner
// (tests/e2e-electron/run.mjs). Tools run through Node itself, so it works on any OS.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isBuildCurrent } from '../../bin/build-state.mjs';
import { findChromium } from '../helpers/find-chromium.mjs';
import { runBin } from '../helpers/node-bin.mjs';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

const chromium = findChromium();
if (!chromium.path) {
  console.error(`test:e2e: ${chromium.message}`);
  process.exit(1);
}
console.log(`test:e2e: Chromium ${chromium.path} (${chromium.source})`);

// The UI and the built CLI (out/main/cli.js, which bin/dstudio.mjs runs when it is current) are both checked.
if (!isBuildCurrent(repo)) {
  console.log('test:e2e: building the UI (electron-vite build)…');
  if (runBin(repo, 'electron-vite', undefined, ['build']) !== 0) {
    console.error('test:e2e: the build failed.');
    process.exit(1);
  }
}

let status = runBin(repo, '@playwright/test', 'playwright', [
  'test',
  '-c',
  'tests/e2e/playwright.config.ts',
  ...process.argv.slice(2),
]);

const electronRunner = join(repo, 'tests/e2e-electron/run.mjs');
if (existsSync(electronRunner)) {
  status =
    (spawnSync(process.execPath, [electronRunner], { cwd: repo, stdio: 'inherit' }).status ?? 1) || status;
}

process.exit(status);
