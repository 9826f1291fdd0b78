import { findChromium } from '../helpers/find-chromium.mjs';

const found = findChromium();

/**
 * The Chromium the browser suites drive (CHROMIUM_PATH, Debian's /usr/bin/chromium, or a
 * Playwright-managed one: tests/helpers/find-chromium.mjs), or null when there is none.
 */
export const CHROMIUM_PATH: string | null = found.path;

/** The browser to launch, or an Error naming the three ways to provide one. */
export function requireChromium(): string {
  if (found.path === null) throw new Error(found.message);
  return found.path;
}

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
