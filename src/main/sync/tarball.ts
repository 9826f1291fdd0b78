import { Parser, type ReadEntry } from 'tar';
import { gitBlobSha } from '../corpus/git-blob';
import type { WantedFile } from './tree-rules';

/**
 * The wanted files found in a gzipped GitHub tarball (`<owner>-<repo>-<sha>/` prefix),
 * keyed by blob SHA. Only entries whose bytes hash to a wanted SHA are kept, so the
 * archive is verified against the tree exactly like single blobs; anything else in it
 * (other files, a link, a mismatching copy) is ignored and fetched singly by the caller.
 */
export async function wantedFromTarball(
  gz: Uint8Array,
  wanted: WantedFile[],
): Promise<Map<string, Uint8Array>> {
  const byPath = new Map(wanted.map((w) => [w.path === 'mkdocs.yml' ? w.path : `docs/${w.path}`, w]));
  const found = new Map<string, Uint8Array>();
  await new Promise<void>((resolve, reject) => {
    const parser = new Parser({
      onReadEntry(entry: ReadEntry) {
        const rel = entry.path.split('/').slice(1).join('/');
        const want = byPath.get(rel);
        if (entry.type !== 'File' || !want || entry.size !== want.size) {
          entry.resume();
          return;
        }
        const chunks: Buffer[] = [];
        entry.on('data', (c: Buffer) => chunks.push(c));
        entry.on('end', () => {
          const bytes = Buffer.concat(chunks);
          if (gitBlobSha(bytes) === want.sha) found.set(want.sha, bytes);
        });
      },
    });
    parser.on('end', () => resolve());
    parser.on('error', (e: Error) => reject(new Error(`The archive is damaged (${e.message}).`)));
    parser.on('warn', (_code: string, message: string) =>
      reject(new Error(`The archive is damaged (${message}).`)),
    );
    parser.end(Buffer.from(gz));
  });
  return found;
}
