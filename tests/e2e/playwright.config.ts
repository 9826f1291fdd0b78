import { defineConfig } from '@playwright/test';
import { corpusAvailable } from '../helpers/corpus';
import { CHROMIUM_ARGS, requireChromium } from './chromium';
import type { CorpusOption } from './fixtures';

/**
 * The UI suite: Chromium (tests/e2e/chromium.ts finds it) against `dstudio serve` over a fresh content.db per
 * project (the starter content, and the real corpus when ../shared is present) and a
 * fresh user.db per test. Run it with `npm run test:e2e` (tests/e2e/run-e2e.mjs).
 */
export default defineConfig<CorpusOption>({
  testDir: './specs',
  outputDir: '../../test-results/e2e',
  // One worker: each test runs a server and a browser, and these machines have two cores.
  workers: 1,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  // One retry on CI: a flaky pass is still reported as "flaky" in the output, to be fixed.
  retries: process.env.CI ? 1 : 0,
  reporter: [['list']],
  use: {
    viewport: { width: 1360, height: 860 },
    launchOptions: { executablePath: requireChromium(), args: CHROMIUM_ARGS },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    { name: 'starter', use: { corpus: 'starter' } },
    ...(corpusAvailable() ? [{ name: 'real-corpus', use: { corpus: 'real' as const } }] : []),
  ],
});
