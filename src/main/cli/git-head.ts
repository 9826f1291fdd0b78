import { execFileSync } from 'node:child_process';

/** The commit a corpus working tree is at, or null when it is not a git checkout (or git is missing). */
export function gitHeadOf(dir: string): string | null {
  try {
    return (
      execFileSync('git', ['-C', dir, 'rev-parse', 'HEAD'], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      }).trim() || null
    );
  } catch {
    return null;
  }
}
