import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../../../../src/main/cli/command';
import { main } from '../../../../src/main/cli/main';
import { MAX_IMAGE_BYTES, MAX_IMAGES, storeImages } from '../../../../src/main/corpus/corpus-images';
import { openContentDb } from '../../../../src/main/database/connection';
import type { ImportReport } from '../../../../src/shared/domain';

// The smallest valid PNG (1×1).
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

async function dstudio(args: string[]): Promise<{ code: number; out: string }> {
  const out: string[] = [];
  const io: CliIo = { out: (t) => out.push(t), err: (t) => out.push(t), isTty: false };
  const code = await main(args, io);
  return { code, out: out.join('\n') };
}

describe('dstudio import lists the images the caps left out', () => {
  const root = mkdtempSync(join(tmpdir(), 'dstudio-img-caps-'));
  const huge = MAX_IMAGE_BYTES + 1;

  beforeAll(() => {
    mkdirSync(join(root, 'docs/assets'), { recursive: true });
    writeFileSync(join(root, 'mkdocs.yml'), 'site_name: Caps\n');
    writeFileSync(
      join(root, 'docs/index.md'),
      '# Caps\n\n![small](assets/dot.png)\n\n![big](assets/poster.png)\n',
    );
    writeFileSync(join(root, 'docs/assets/dot.png'), PNG);
    writeFileSync(join(root, 'docs/assets/poster.png'), Buffer.alloc(huge, 1));
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('in --json: path, size and which cap; the image is not stored, the small one is', async () => {
    const dbFile = join(root, 'json.db');
    const { code, out } = await dstudio(['import', '--corpus', root, '--db', dbFile, '--json']);
    expect(code).toBe(0);
    const report = JSON.parse(out) as ImportReport;
    expect(report.pages).toBe(1);
    expect(report.skippedImages).toEqual([
      {
        path: 'assets/poster.png',
        bytes: huge,
        cap: 'size',
        reason: `larger than the ${(MAX_IMAGE_BYTES / 1024 / 1024).toFixed(1)} MB cap per image`,
      },
    ]);
    const db = openContentDb(dbFile);
    try {
      const stored = db.prepare('SELECT path FROM corpus_images ORDER BY path').pluck().all();
      expect(stored).toEqual(['assets/dot.png']);
    } finally {
      db.close();
    }
  });

  it('in the text output: counted in the summary and one line per image', async () => {
    const { code, out } = await dstudio(['import', '--corpus', root, '--db', join(root, 'text.db')]);
    expect(code).toBe(0);
    expect(out).toContain('1 images left out.');
    expect(out).toMatch(
      new RegExp(
        `^ {2}image left out assets/poster\\.png \\(${huge} bytes\\): larger than the .* cap per image$`,
        'm',
      ),
    );
  });

  it('past the count cap: each image after the first ones is listed with the count cap', () => {
    const db = openContentDb(join(root, 'count.db'));
    try {
      const names = Array.from(
        { length: MAX_IMAGES + 2 },
        (_, i) => `many/${String(i).padStart(5, '0')}.png`,
      );
      const sources = names.map((path) => ({ path, size: PNG.length, read: () => PNG }));
      const skipped = db.transaction(() => storeImages(db, sources))();
      expect(skipped.map((s) => [s.path, s.cap, s.bytes])).toEqual([
        [names.at(-2), 'count', PNG.length],
        [names.at(-1), 'count', PNG.length],
      ]);
      expect(db.prepare('SELECT count(*) FROM corpus_images').pluck().get()).toBe(MAX_IMAGES);
    } finally {
      db.close();
    }
  });
});
