import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FilesService, saveInto } from '../../../src/main/files/files-service';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'dstudio-files-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const doc = { suggestedName: 'Orders: 2PC/Saga.md', mime: 'text/markdown', text: '# Orders\n' };

describe('FilesService', () => {
  it('answers download when the host cannot show a save dialog', async () => {
    expect(await new FilesService().saveExport(doc)).toEqual({ kind: 'download' });
  });

  it('offers a safe name and writes where the user chose', async () => {
    let offered = '';
    const service = new FilesService(async (name) => {
      offered = name;
      return join(dir, name);
    });
    const outcome = await service.saveExport(doc);
    expect(offered).toBe('Orders- 2PC-Saga.md');
    expect(outcome).toEqual({ kind: 'saved', path: join(dir, offered) });
    expect(readFileSync(join(dir, offered), 'utf8')).toBe('# Orders\n');
  });

  it('reports a cancelled dialog', async () => {
    expect(await new FilesService(async () => null).saveExport(doc)).toEqual({ kind: 'cancelled' });
  });

  it('saveInto never replaces a file', async () => {
    const path = await saveInto(dir, doc);
    await expect(saveInto(dir, doc)).rejects.toThrow(/already exists/);
    expect(readFileSync(path, 'utf8')).toBe('# Orders\n');
  });
});
