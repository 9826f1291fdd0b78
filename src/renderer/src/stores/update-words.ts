/** How the Updates view writes commits, dates, sizes and the phases of an update. */

/** A commit as its short SHA, or what content without one is. */
export const shortSha = (sha: string | null | undefined): string => (sha ? sha.slice(0, 7) : 'local content');

/** A date and time in the reader's locale. */
export const whenText = (iso: string | null | undefined): string =>
  iso ? new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' }) : 'unknown date';

/** A byte count in KB, with one decimal below 10 KB. */
export const kbText = (n: number): string => `${(n / 1024).toFixed(n < 10_240 ? 1 : 0)} KB`;

/** The share of an update's bytes downloaded, 0–100, or null while the total is unknown. */
export function percentDone(p: { bytesDone: number; bytesTotal: number } | null | undefined): number | null {
  if (!p || !p.bytesTotal) return null;
  return Math.min(100, Math.round((p.bytesDone / p.bytesTotal) * 100));
}

/** What each phase of an update is doing, in words. */
export const PHASE: Record<string, string> = {
  checking: 'Asking GitHub for the newest commit…',
  listing: 'Reading the file list…',
  downloading: 'Downloading changed files…',
  applying: 'Applying the update…',
  done: 'Done.',
  failed: 'Failed.',
  cancelled: 'Cancelled.',
};

export const CHANGE_LABEL = { added: 'Added', changed: 'Changed', removed: 'Removed' } as const;
