#!/usr/bin/env node
// `npm run test:e2e`: builds the UI and the CLI when missing or older than their sources,
// runs the Playwright suite in Debian's Chromium against `dstudio serve`, then the Electron
// spec runner (tests/e2e-electron/run.mjs) when the project has one.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isBuildCurrent } from '../../bin/build-state.mjs';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function run(cmd, args) {
  const r = spawnSync(cmd, args, { cwd: repo, stdio: 'inherit' });
  return r.status ?? 1;
}

if (!existsSync(chromium)) {
  console.error(
    `test:e2e: Chromium not found at ${chromium}. Install it with \`apt-get install -y chromium\` (or set CHROMIUM_PATH).`,
  );
  process.exit(1);
}

// The UI and the built CLI (out/main/cli.js, which bin/dstudio.mjs runs when it is current) are both checked.
if (!isBuildCurrent(repo)) {
  console.log('test:e2e: building the UI (npx electron-vite build)…');
  if (run('npx', ['electron-vite', 'build']) !== 0) {
    console.error('test:e2e: the build failed.');
    process.exit(1);
  }
}

let status = run('npx', [
  'playwright',
  'test',
  '-c',
  'tests/e2e/playwright.config.ts',
  ...process.argv.slice(2),
]);

const electronRunner = join(repo, 'tests/e2e-electron/run.mjs');
if (existsSync(electronRunner)) status = run(process.execPath, [electronRunner]) || status;

process.exit(status);
