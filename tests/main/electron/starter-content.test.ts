import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ContentRepository } from '../../../src/main/content/content-repository';
import { openContentDb } from '../../../src/main/database/connection';
import { importStarterContentIfEmpty, STARTER_SOURCE } from '../../../src/main/electron/starter-content';
import { STARTER_CORPUS } from '../../helpers/corpus';

const tmp = () => mkdtempSync(join(tmpdir(), 'dstudio-starter-'));

function statusOf(file: string) {
  const db = openContentDb(file);
  try {
    return new ContentRepository(db).status();
  } finally {
    db.close();
  }
}

describe('importStarterContentIfEmpty', () => {
  it('fills an empty content database with the bundled starter corpus on first start, once', async () => {
    const file = join(tmp(), 'content.db');
    const report = await importStarterContentIfEmpty(file, STARTER_CORPUS);
    expect(report?.pages).toBeGreaterThan(5);
    const status = statusOf(file);
    expect(status.pages).toBe(report!.pages);
    expect(status.source).toBe(STARTER_SOURCE);

    const importedAt = status.importedAt;
    expect(await importStarterContentIfEmpty(file, STARTER_CORPUS)).toBeNull();
    expect(statusOf(file).importedAt).toBe(importedAt);
  });

  it('does nothing when no starter corpus is bundled', async () => {
    const dir = tmp();
    expect(
      await importStarterContentIfEmpty(join(dir, 'content.db'), join(dir, 'no-such-content')),
    ).toBeNull();
  });
});
