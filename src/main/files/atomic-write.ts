import { randomBytes } from 'node:crypto';
import { link, open, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export interface AtomicWriteOptions {
  /** Replace an existing file (default: refuse with `FileExistsError`). */
  overwrite?: boolean;
}

/** The target exists and the caller did not allow overwriting it. */
export class FileExistsError extends Error {
  constructor(readonly path: string) {
    super(`${path} already exists; choose another name or allow replacing it.`);
    this.name = 'FileExistsError';
  }
}

/**
 * Writes a whole file or nothing: the bytes go to a temp file in the same folder, are
 * flushed to disk, and only then take the target's name (rename to replace; a hard link
 * when the target must not be overwritten, which fails atomically if it appeared
 * meanwhile). On any failure (disk full, permissions) the temp file is removed and the
 * target is as it was. Every export of the app goes through here.
 */
export async function writeFileAtomic(
  target: string,
  data: string | Uint8Array,
  opts: AtomicWriteOptions = {},
): Promise<void> {
  const temp = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await open(temp, 'wx', 0o644);
  try {
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (opts.overwrite) {
      await rename(temp, target);
    } else {
      try {
        await link(temp, target);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'EEXIST') throw new FileExistsError(target);
        throw e;
      }
      await unlink(temp);
    }
  } catch (e) {
    await unlink(temp).catch(() => undefined);
    throw e;
  }
}
