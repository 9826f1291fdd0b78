import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { rename, writeFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { gitBlobSha } from '../corpus/git-blob';

/** A downloaded blob whose bytes do not hash to the SHA the tree names. */
export class BlobMismatchError extends Error {
  constructor(
    readonly sha: string,
    readonly path: string,
  ) {
    super(
      `The server sent bytes for ${path} that do not match its git SHA ${sha}; refused (nothing was changed).`,
    );
    this.name = 'BlobMismatchError';
  }
}

/** Throws BlobMismatchError unless `bytes` are the git blob `sha` (and, when known, of `size` bytes). */
export function verifyBlob(bytes: Uint8Array, sha: string, path: string, size?: number): void {
  if ((size !== undefined && bytes.byteLength !== size) || gitBlobSha(bytes) !== sha)
    throw new BlobMismatchError(sha, path);
}

/**
 * Verified blobs kept on disk by SHA, so an interrupted update resumes without fetching
 * them again. Only verified bytes enter (atomically: a kill never leaves half a file);
 * bytes read back are verified again, and a damaged file is dropped.
 */
export class DownloadCache {
  constructor(private readonly dir: string) {}

  private file(sha: string): string {
    if (!/^[0-9a-f]{40}$/.test(sha)) throw new Error(`not a blob SHA: ${sha}`);
    return join(this.dir, sha);
  }

  get(sha: string): Uint8Array | null {
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(this.file(sha));
    } catch {
      return null;
    }
    if (gitBlobSha(bytes) === sha) return bytes;
    rmSync(this.file(sha), { force: true });
    return null;
  }

  /**
   * Keeps verified bytes under their SHA: written beside, then renamed (a killed process
   * never leaves half a file under the name). Not flushed to disk, unlike writeFileAtomic:
   * a file a power cut damaged fails get()'s hash check and is fetched again, so a flush
   * per blob would buy nothing but waiting on the disk.
   */
  async put(sha: string, bytes: Uint8Array): Promise<void> {
    mkdirSync(this.dir, { recursive: true });
    const target = this.file(sha);
    const temp = `${target}.${randomBytes(6).toString('hex')}.tmp`;
    try {
      await writeFile(temp, bytes, { flag: 'wx' });
      await rename(temp, target);
    } catch (e) {
      rmSync(temp, { force: true });
      throw e;
    }
  }

  remove(sha: string): void {
    rmSync(this.file(sha), { force: true });
  }
}
