import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ContentService } from '../../../src/main/content/content-service';
import { importCorpus } from '../../../src/main/corpus/import-service';
import { openContentDb } from '../../../src/main/database/connection';
import { createAppProtocolHandler } from '../../../src/main/electron/app-protocol';
import { IMAGE_CSP } from '../../../src/main/server/corpus-image-route';
import { startHttpServer, type RunningServer } from '../../../src/main/server/http-server';
import type { DStudioApi } from '../../../src/shared/contract';
import { corpusAvailable, realCorpusAt, SKIP_MESSAGE } from '../../helpers/corpus';

const HOSTILE: Record<string, string> = {
  'script.svg':
    '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script><rect width="9" height="9"/></svg>',
  'onload.svg':
    '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect width="9" height="9"/></svg>',
  'external.svg':
    '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"><image xlink:href="http://example.com/x.png"/></svg>',
  'foreign.svg':
    '<svg xmlns="http://www.w3.org/2000/svg"><foreignObject><iframe xmlns="http://www.w3.org/1999/xhtml" src="javascript:alert(1)"/></foreignObject></svg>',
};
// The smallest valid PNG (1×1), so a binary type goes through the same path.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

async function serve(db: Database): Promise<{ server: RunningServer; dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'dstudio-img-ui-'));
  const server = await startHttpServer({ api: {} as DStudioApi, staticRoot: dir, contentDb: db });
  return { server, dir };
}

describe('corpus images: stored at import, rewritten in pages, served inert', () => {
  const root = mkdtempSync(join(tmpdir(), 'dstudio-img-corpus-'));
  const dbFile = join(root, 'content.db');
  let db: Database;
  let running: { server: RunningServer; dir: string };

  beforeAll(async () => {
    mkdirSync(join(root, 'docs/guide/pics'), { recursive: true });
    mkdirSync(join(root, 'docs/assets'), { recursive: true });
    for (const [name, svg] of Object.entries(HOSTILE)) writeFileSync(join(root, 'docs/assets', name), svg);
    writeFileSync(join(root, 'docs/guide/pics/dot.png'), PNG);
    writeFileSync(join(root, 'docs/assets/notes.txt'), 'not an image');
    writeFileSync(
      join(root, 'docs/guide/page.md'),
      [
        '# Page',
        '![dot](pics/dot.png)',
        '![script](../assets/script.svg)',
        '![abs](/assets/onload.svg)',
        '![outside](../../../etc/passwd.png)',
        '![remote](https://example.com/a.png)',
      ].join('\n\n'),
    );
    db = openContentDb(dbFile);
    await importCorpus(db, root, { threads: 1 });
    running = await serve(db);
  });
  afterAll(async () => {
    await running.server.close();
    db.close();
    rmSync(root, { recursive: true, force: true });
    rmSync(running.dir, { recursive: true, force: true });
  });

  it('stores only the image files under docs/, keyed by path, with their blob SHA', () => {
    const rows = db.prepare('SELECT path, mime, length(bytes) AS n FROM corpus_images ORDER BY path').all();
    expect(rows).toEqual([
      { path: 'assets/external.svg', mime: 'image/svg+xml', n: HOSTILE['external.svg']!.length },
      { path: 'assets/foreign.svg', mime: 'image/svg+xml', n: HOSTILE['foreign.svg']!.length },
      { path: 'assets/onload.svg', mime: 'image/svg+xml', n: HOSTILE['onload.svg']!.length },
      { path: 'assets/script.svg', mime: 'image/svg+xml', n: HOSTILE['script.svg']!.length },
      { path: 'guide/pics/dot.png', mime: 'image/png', n: PNG.length },
    ]);
  });

  it('rewrites relative and absolute image paths to the app route; leaves external and escaping ones', async () => {
    const [page] = await new ContentService(db).getPages(['guide/page']);
    const srcs = [...page!.html.matchAll(/<img src="([^"]*)"/g)].map((m) => m[1]);
    expect(srcs).toEqual([
      '/corpus-image/guide/pics/dot.png',
      '/corpus-image/assets/script.svg',
      '/corpus-image/assets/onload.svg',
      '../../../etc/passwd.png',
      'https://example.com/a.png',
    ]);
  });

  it('serves each image over HTTP with its type, nosniff, the sandbox CSP and an ETag; 304 when unchanged', async () => {
    const png = await fetch(`${running.server.origin}/corpus-image/guide/pics/dot.png`);
    expect(png.status).toBe(200);
    expect(png.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await png.arrayBuffer()).equals(PNG)).toBe(true);
    for (const name of Object.keys(HOSTILE)) {
      const res = await fetch(`${running.server.origin}/corpus-image/assets/${name}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('image/svg+xml');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('content-security-policy')).toBe(IMAGE_CSP);
      expect(res.headers.get('content-security-policy')).toMatch(/^sandbox;.*default-src 'none'/);
      expect(await res.text()).toBe(HOSTILE[name]);
      const again = await fetch(`${running.server.origin}/corpus-image/assets/${name}`, {
        headers: { 'if-none-match': res.headers.get('etag')! },
      });
      expect(again.status).toBe(304);
    }
  });

  it('answers 404 for what is not a stored image, traversal included', async () => {
    for (const path of ['assets/notes.txt', 'assets/missing.svg', '..%2f..%2fcontent.db', '%E0%A4%A']) {
      const res = await fetch(`${running.server.origin}/corpus-image/${path}`);
      expect(res.status, path).toBe(404);
    }
  });

  it('serves the same answers through the app:// protocol handler', async () => {
    const handler = createAppProtocolHandler(running.dir, db);
    const res = await handler(new Request('app://dstudio/corpus-image/assets/onload.svg'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toBe(IMAGE_CSP);
    expect(await res.text()).toBe(HOSTILE['onload.svg']);
    expect((await handler(new Request('app://dstudio/corpus-image/assets/none.svg'))).status).toBe(404);
  });

  it('a re-import drops an image removed from the corpus and picks up a changed one', async () => {
    rmSync(join(root, 'docs/assets/foreign.svg'));
    writeFileSync(join(root, 'docs/assets/script.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    await importCorpus(db, root, { threads: 1 });
    const paths = (db.prepare('SELECT path FROM corpus_images').all() as { path: string }[]).map(
      (r) => r.path,
    );
    expect(paths).not.toContain('assets/foreign.svg');
    const res = await fetch(`${running.server.origin}/corpus-image/assets/script.svg`);
    expect(await res.text()).toBe('<svg xmlns="http://www.w3.org/2000/svg"/>');
  });
});

describe.skipIf(!corpusAvailable())('corpus images on the real corpus', () => {
  it('correlated-failure shows its /assets/ SVG, served byte for byte', { timeout: 240_000 }, async () => {
    const root = realCorpusAt('snap-5');
    const dir = mkdtempSync(join(tmpdir(), 'dstudio-img-real-'));
    const db = openContentDb(join(dir, 'content.db'));
    try {
      await importCorpus(db, root);
      const [page] = await new ContentService(db).getPages(['core-principles/laws/correlated-failure']);
      const src = /<img src="(\/corpus-image\/[^"]*\.svg)"/.exec(page!.html)?.[1];
      expect(src).toBe('/corpus-image/assets/correlated-failure-diagram.svg');
      const { server, dir: ui } = await serve(db);
      try {
        const res = await fetch(server.origin + src);
        expect(res.status).toBe(200);
        expect(res.headers.get('content-type')).toBe('image/svg+xml');
        expect(Buffer.from(await res.arrayBuffer())).toEqual(
          readFileSync(join(root, 'docs/assets/correlated-failure-diagram.svg')),
        );
      } finally {
        await server.close();
        rmSync(ui, { recursive: true, force: true });
      }
    } finally {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
if (!corpusAvailable()) console.warn(SKIP_MESSAGE);
