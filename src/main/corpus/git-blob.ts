import { createHash } from 'node:crypto';

/** The git blob SHA-1 of a file's bytes: `sha1("blob <len>\0" + bytes)`, as a tree entry names it. */
export function gitBlobSha(bytes: Uint8Array): string {
  return createHash('sha1').update(`blob ${bytes.byteLength}\0`).update(bytes).digest('hex');
}
