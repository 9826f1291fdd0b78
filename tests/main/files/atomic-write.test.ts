import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FileExistsError, FileWriteError, writeFileAtomic } from '../../../src/main/files/atomic-write';

const WRITER = fileURLToPath(new URL('./full-disk-writer.ts', import.meta.url));

/**
 * Writes `size` bytes to `target` in a child process that may write files of 16 KiB at most
 * (`ulimit -f`, in KiB): past that a write fails part way with EFBIG, as on a full disk.
 */
function writeOnFullDisk(target: string, size: number, mode: 'write' | 'replace' | 'export' = 'write') {
  const out = execFileSync(
    'bash',
    ['-c', 'ulimit -f 16; exec "$0" --import tsx "$@"', process.execPath, WRITER, target, String(size), mode],
    { encoding: 'utf8' },
  );
  return JSON.parse(out.trim().split('\n').pop()!) as {
    ok: boolean;
    name?: string;
    code?: string;
    message?: string;
    error?: { code: string; message: string };
  };
}

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
      await expect(writeFileAtomic(join(dir, 'missing', 'x.md'), 'x')).rejects.toThrow(
        new FileWriteError(
          `The folder ${join(dir, 'missing')} does not exist: x.md was not saved.`,
          'ENOENT',
        ),
      );
      expect(readdirSync(dir)).toEqual([]);
      return;
    }
    chmodSync(dir, 0o500);
    await expect(writeFileAtomic(join(dir, 'x.md'), 'x')).rejects.toThrow(/no permission to write in/);
    chmodSync(dir, 0o700);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('on a full disk fails with words, and leaves neither a partial file nor a temp file', () => {
    // The limit works: a plain write stops part way and leaves a partial file.
    const plain = execFileSync(
      'bash',
      ['-c', `ulimit -f 16; head -c 65536 /dev/zero > ${join(dir, 'plain')}; echo $?`],
      {
        encoding: 'utf8',
      },
    );
    expect(plain.trim()).not.toBe('0');
    expect(readFileSync(join(dir, 'plain')).length).toBe(16 * 1024);
    rmSync(join(dir, 'plain'));

    const result = writeOnFullDisk(join(dir, 'report.md'), 64 * 1024);
    expect(result).toMatchObject({ ok: false, name: 'FileWriteError', code: 'EFBIG' });
    expect(result.message).toContain('report.md');
    expect(result.message).toContain('was not saved');
    expect(readdirSync(dir)).toEqual([]);

    // What fits is written whole, under the same limit.
    expect(writeOnFullDisk(join(dir, 'small.md'), 4 * 1024)).toEqual({ ok: true });
    expect(readFileSync(join(dir, 'small.md'), 'utf8')).toBe('x'.repeat(4 * 1024));
  });

  it('on a full disk keeps the file it was to replace as it was', () => {
    writeFileSync(join(dir, 'report.md'), 'the export from yesterday');
    expect(writeOnFullDisk(join(dir, 'report.md'), 64 * 1024, 'replace')).toMatchObject({
      ok: false,
      code: 'EFBIG',
    });
    expect(readFileSync(join(dir, 'report.md'), 'utf8')).toBe('the export from yesterday');
    expect(readdirSync(dir)).toEqual(['report.md']);
  });

  it('an export on a full disk answers the app with the reason in words', () => {
    const answer = writeOnFullDisk(join(dir, 'report.md'), 64 * 1024, 'export');
    expect(answer.ok).toBe(false);
    expect(answer.error!.message).toMatch(/^report\.md is larger than this disk .* it was not saved\.$/);
    expect(readdirSync(dir)).toEqual([]);
  });
});
