import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { STARTER_CORPUS } from '../../helpers/corpus';

const run = promisify(execFile);
const bin = resolve(import.meta.dirname, '../../../bin/dstudio.mjs');
const dstudio = (...args: string[]) => run(process.execPath, [bin, ...args], { maxBuffer: 64 * 1024 * 1024 });

describe('dstudio CLI (through bin/dstudio.mjs, as `npx dstudio` runs it)', () => {
  it('imports the starter content with --json, then lists and shows pages', async () => {
    const db = join(mkdtempSync(join(tmpdir(), 'dstudio-cli-')), 'content.db');
    const imported = JSON.parse(
      (await dstudio('import', '--corpus', STARTER_CORPUS, '--db', db, '--json')).stdout,
    );
    for (const key of [
      'pages',
      'aliases',
      'skipped',
      'warnings',
      'brokenLinks',
      'checklistItems',
      'durationMs',
    ])
      expect(imported).toHaveProperty(key);
    expect(Array.isArray(imported.skipped) && Array.isArray(imported.warnings)).toBe(true);

    const pages = JSON.parse((await dstudio('pages', '--db', db, '--json')).stdout) as {
      id: string;
      title: string;
    }[];
    expect(pages.length).toBe(imported.pages);
    expect(Object.keys(pages[0]!).sort()).toEqual(['category', 'id', 'status', 'tier', 'title', 'type']);

    const shown = JSON.parse((await dstudio('page', '--db', db, '--json', pages[0]!.id)).stdout);
    expect(shown[0]).toMatchObject({ id: pages[0]!.id, title: pages[0]!.title });
    expect(typeof shown[0].html).toBe('string');
    expect(Array.isArray(shown[0].headings)).toBe(true);
  });

  it('fails clearly on an unusable corpus root (exit 1) and on usage errors (exit 2)', async () => {
    const db = join(mkdtempSync(join(tmpdir(), 'dstudio-cli-')), 'content.db');
    await expect(dstudio('import', '--corpus', '/nonexistent/corpus', '--db', db)).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/does not exist/),
    });
    await expect(dstudio('import', '--db', db)).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/--corpus is required/),
    });
    await expect(dstudio('frobnicate')).rejects.toMatchObject({ code: 2 });
    // Page ids are checked by the contract's own schema, as the app's are.
    await expect(dstudio('page', '--db', db, 'ok', 'bad\u0001id')).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/page id "bad\\u0001id": control characters/),
    });
  });
});
