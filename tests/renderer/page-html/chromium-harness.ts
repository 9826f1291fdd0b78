/// <reference types="node" />
/**
 * Real Chromium for the content tests and the open-time bench: the renderer's content module
 * (via probe.ts) is bundled with esbuild — code-split, so mermaid and highlight.js stay
 * separate chunks loaded only on demand — served over HTTP on 127.0.0.1, and opened in
 * Debian's Chromium through playwright-core.
 */
import { build } from 'esbuild';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, requireChromium } from '../../e2e/chromium';

const PROBE = resolve(import.meta.dirname, 'probe.ts');
const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
};

export interface ContentBrowser {
  page: Page;
  /** URLs the page has requested so far (to check what loads on the open path). */
  requests: string[];
  close(): Promise<void>;
}

/** Bundles the probe, serves it, opens it in Chromium and waits until the content module is ready. */
export async function openContentBrowser(opts: { css?: boolean } = {}): Promise<ContentBrowser> {
  const dir = mkdtempSync(join(tmpdir(), 'dstudio-content-'));
  const entryPoints = [
    PROBE,
    ...(opts.css ? [resolve(import.meta.dirname, '../../../src/renderer/src/page-html/index.ts')] : []),
  ];
  await build({
    entryPoints,
    outdir: dir,
    // Flat names: with two entries in different folders esbuild would otherwise nest them under their common root.
    entryNames: '[name]',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    target: 'chrome120',
    loader: { '.woff2': 'file', '.woff': 'file', '.ttf': 'file' },
    logLevel: 'error',
  });
  const css = opts.css ? '<link rel="stylesheet" href="index.css">' : '';
  const html = `<!doctype html><html data-theme="light"><head><meta charset="utf-8">${css}</head><body><main id="root"></main><script type="module" src="probe.js"></script></body></html>`;
  const server: Server = createServer((req, res) => {
    const path = normalize(decodeURIComponent((req.url ?? '/').split('?')[0]!)).replace(/^(\.\.[/\\])+/, '');
    if (path === '/' || path === '/index.html') {
      res.writeHead(200, { 'content-type': 'text/html' }).end(html);
      return;
    }
    try {
      const body = readFileSync(join(dir, path));
      res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  const browser: Browser = await chromium.launch({ executablePath: requireChromium(), args: CHROMIUM_ARGS });
  const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('dialog', (d) => void d.dismiss());
  await page.goto(`http://127.0.0.1:${port}/`);
  await page.waitForFunction('typeof window.__probe === "object"');
  return {
    page,
    requests,
    close: async () => {
      await browser.close();
      await new Promise((r) => server.close(r));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Open time of each HTML page: sanitise + insert + enhance vs bare innerHTML, in one Chromium. */
export async function openPageBench(
  htmls: string[],
  runs = 7,
): Promise<{ bare: number; mounted: number; mermaidLoaded: boolean }[]> {
  const b = await openContentBrowser();
  try {
    const rows = [];
    for (const html of htmls) {
      // A string expression: this file is also compiled without DOM typings (the bench).
      rows.push(
        await b.page.evaluate<{ bare: number; mounted: number; mermaidLoaded: boolean }>(
          `window.__probe.timeOpen(${JSON.stringify(html)}, ${runs})`,
        ),
      );
    }
    return rows;
  } finally {
    await b.close();
  }
}
