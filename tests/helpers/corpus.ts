import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** The real upstream corpus (third-party text), read at run time from ../shared — never copied into the repo. */
export const SHARED_CORPUS_BUNDLE = resolve(
  import.meta.dirname,
  '../../../shared/corpus/dstudio-docs.bundle',
);
export const SKIP_MESSAGE = `../shared/corpus is absent (${SHARED_CORPUS_BUNDLE}): real-corpus tests skipped`;

/** The project's own starter corpus (content/). */
export const STARTER_CORPUS = resolve(import.meta.dirname, '../../content');

export function corpusAvailable(): boolean {
  return existsSync(SHARED_CORPUS_BUNDLE);
}

const cacheRoot = join(tmpdir(), 'dstudio-corpus-cache');

/**
 * A working tree of the real corpus at a snapshot tag (snap-1 … snap-5), cloned once per
 * machine into the temp folder and reused. Returns the corpus root (holding docs/ and mkdocs.yml).
 */
export function realCorpusAt(tag: 'snap-1' | 'snap-2' | 'snap-3' | 'snap-4' | 'snap-5'): string {
  const dir = join(cacheRoot, tag);
  if (!existsSync(join(dir, 'docs'))) {
    mkdirSync(cacheRoot, { recursive: true });
    const tmp = `${dir}.tmp-${process.pid}`;
    execFileSync('git', ['clone', '-q', '--no-checkout', SHARED_CORPUS_BUNDLE, tmp]);
    execFileSync('git', ['-C', tmp, '-c', 'advice.detachedHead=false', 'checkout', '-q', tag]);
    try {
      execFileSync('mv', ['-T', tmp, dir]);
    } catch {
      // another worker won the race; its copy is identical
      execFileSync('rm', ['-rf', tmp]);
    }
  }
  return dir;
}
