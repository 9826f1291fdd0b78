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

/** A write that failed for a reason the user can act on, said in words (the errno code kept). */
export class FileWriteError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
    this.name = 'FileWriteError';
  }
}

/** The system's reason for a failed write, in words; null when there are none better than its own. */
function reasonOf(code: string | undefined, target: string): string | null {
  const folder = dirname(target);
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return `The disk is full: ${basename(target)} was not saved. Free some space or choose another disk.`;
    case 'EFBIG':
      return `${basename(target)} is larger than this disk or this account may write: it was not saved.`;
    case 'EACCES':
    case 'EPERM':
      return `There is no permission to write in ${folder}: ${basename(target)} was not saved. Choose another folder.`;
    case 'EROFS':
      return `${folder} is on a read-only disk: ${basename(target)} was not saved. Choose another folder.`;
    case 'ENOENT':
      return `The folder ${folder} does not exist: ${basename(target)} was not saved.`;
    default:
      return null;
  }
}

function explained(e: unknown, target: string): unknown {
  const code = (e as NodeJS.ErrnoException).code;
  const reason = reasonOf(code, target);
  return reason ? new FileWriteError(reason, code!) : e;
}

/**
 * Writes a whole file or nothing: the bytes go to a temp file in the same folder, are
 * flushed to disk, and only then take the target's name (rename to replace; a hard link
 * when the target must not be overwritten, which fails atomically if it appeared
 * meanwhile). On any failure (disk full, permissions) the temp file is removed and the
 * target is as it was, and the reasons a user can act on (disk full, no permission, no
 * such folder) come as a FileWriteError in words. Every export of the app goes through here.
 */
export async function writeFileAtomic(
  target: string,
  data: string | Uint8Array,
  opts: AtomicWriteOptions = {},
): Promise<void> {
  const temp = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  let handle;
  try {
    handle = await open(temp, 'wx', 0o644);
  } catch (e) {
    throw explained(e, target);
  }
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
    throw explained(e, target);
  }
}
