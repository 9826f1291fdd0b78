#!/usr/bin/env node
// Runs the Electron end-to-end spec where an Electron binary is installed; elsewhere
// (as on machines that cannot download it) prints why and exits 0. When it runs, it
// first prepares the Electron build of better-sqlite3 and builds the app, as `npm start` does.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { binScript } from '../helpers/node-bin.mjs';
import { findElectronBinary, SKIP_MESSAGE } from './electron-binary.mjs';

const root = resolve(import.meta.dirname, '../..');
const found = findElectronBinary(root);
if (!found.path) {
  console.log(`${SKIP_MESSAGE} (${found.reason}).`);
  process.exit(0);
}

function step(label, command, args, env = process.env) {
  console.log(`[e2e-electron] ${label}`);
  const r = spawnSync(command, args, { cwd: root, stdio: 'inherit', env });
  if (r.status !== 0) {
    console.error(`[e2e-electron] ${label} failed (exit ${r.status ?? r.signal}).`);
    process.exit(r.status || 1);
  }
}

// Every tool runs through Node itself: spawning `npx` needs a shell on Windows.
step('preparing better-sqlite3 for Electron', process.execPath, [
  'build/scripts/prepare-electron-native.mjs',
]);
step('building the app', process.execPath, [binScript(root, 'electron-vite'), 'build']);
step(
  'running the Electron spec',
  process.execPath,
  [
    binScript(root, '@playwright/test', 'playwright'),
    'test',
    '-c',
    'tests/e2e-electron/playwright.config.ts',
  ],
  {
    ...process.env,
    DSTUDIO_ELECTRON_PATH: found.path,
  },
);
