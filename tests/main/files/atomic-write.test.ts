import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FileExistsError, writeFileAtomic } from '../../../src/main/files/atomic-write';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'dstudio-atomic-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('writeFileAtomic', () => {
  it('writes the whole file and leaves no temp file behind', async () => {
    await writeFileAtomic(join(dir, 'run.md'), '# Run\n- [x] done\n');
    expect(readFileSync(join(dir, 'run.md'), 'utf8')).toBe('# Run\n- [x] done\n');
    expect(readdirSync(dir)).toEqual(['run.md']);
  });

  it('refuses to replace an existing file unless asked, and keeps it intact', async () => {
    writeFileSync(join(dir, 'a.md'), 'original');
    await expect(writeFileAtomic(join(dir, 'a.md'), 'new')).rejects.toBeInstanceOf(FileExistsError);
    expect(readFileSync(join(dir, 'a.md'), 'utf8')).toBe('original');
    expect(readdirSync(dir)).toEqual(['a.md']);
    await writeFileAtomic(join(dir, 'a.md'), 'new', { overwrite: true });
    expect(readFileSync(join(dir, 'a.md'), 'utf8')).toBe('new');
    expect(readdirSync(dir)).toEqual(['a.md']);
  });

  it('leaves nothing when the folder cannot be written', async () => {
    if (process.getuid?.() === 0) {
      // root ignores permissions: a missing folder fails the same way.
      await expect(writeFileAtomic(join(dir, 'missing', 'x.md'), 'x')).rejects.toThrow(/ENOENT/);
      expect(readdirSync(dir)).toEqual([]);
      return;
    }
    chmodSync(dir, 0o500);
    await expect(writeFileAtomic(join(dir, 'x.md'), 'x')).rejects.toThrow(/EACCES/);
    chmodSync(dir, 0o700);
    expect(readdirSync(dir)).toEqual([]);
  });
});
