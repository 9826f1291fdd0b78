import { defineConfig } from '@playwright/test';

/** The Electron suite (tests/e2e-electron/run.mjs runs it, or skips it where no Electron binary exists). */
export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  outputDir: '../../test-results/e2e-electron',
  workers: 1,
  timeout: 120_000,
  expect: { timeout: 15_000 },
  retries: 0,
  reporter: [['list']],
});
