#!/usr/bin/env node
// Renders build/icon.svg (the project's own drawing) to every icon the installers need:
// build/icons/<N>x<N>.png for Linux, build/icon.png (1024) for electron-builder, build/icon.ico
// for Windows and build/icon.icns for macOS. Run it after changing the SVG; the outputs are
// committed, so packaging needs no browser.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { findChromium } from '../../tests/helpers/find-chromium.mjs';
import { icnsFile, icoFile, ICNS_TYPES } from './icon-containers.mjs';

const build = resolve(import.meta.dirname, '..');
/** Linux's hicolor sizes (and the ones Windows' .ico carries up to 256). */
export const PNG_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];
export const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];

const found = findChromium();
if (!found.path) throw new Error(found.message);
const svg = readFileSync(join(build, 'icon.svg'), 'utf8');
const browser = await chromium.launch({ executablePath: found.path, args: ['--headless', '--no-sandbox'] });
mkdirSync(join(build, 'icons'), { recursive: true });
const pngs = new Map();
for (const size of PNG_SIZES) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  await page.setContent(
    `<style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${svg}`,
  );
  const png = await page.screenshot({ omitBackground: true });
  pngs.set(size, png);
  writeFileSync(join(build, 'icons', `${size}x${size}.png`), png);
  await page.close();
}
await browser.close();
writeFileSync(join(build, 'icon.png'), pngs.get(1024));
writeFileSync(join(build, 'icon.ico'), icoFile(ICO_SIZES.map((s) => [s, pngs.get(s)])));
writeFileSync(join(build, 'icon.icns'), icnsFile(ICNS_TYPES.map(([type, size]) => [type, pngs.get(size)])));
console.log('icons written to build/');
