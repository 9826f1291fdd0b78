import { z } from 'zod';
import { treeEntrySchema, type TreeEntry } from './github-client';
import type { SyncRepository } from './sync-repository';
import { selectContent, wantedFiles } from './tree-rules';

/** content.db meta key holding the installed commit's content listing (written with the generation). */
const LISTING_KEY = 'syncListing';

const listingSchema = z.object({ commit: z.string(), entries: z.array(treeEntrySchema) });

/**
 * The listing the installed generation was updated from, when it still describes content.db:
 * same commit and exactly the same files and blob SHAs (a folder import or a revert since
 * then makes it stale, and the next update walks the whole tree). Null when none is usable.
 */
export function installedListing(repo: SyncRepository): TreeEntry[] | null {
  const raw = repo.meta(LISTING_KEY);
  const commit = repo.meta('commit');
  if (!raw || !commit) return null;
  let parsed: z.infer<typeof listingSchema>;
  try {
    parsed = listingSchema.parse(JSON.parse(raw));
  } catch {
    return null;
  }
  if (parsed.commit !== commit) return null;
  let selection: ReturnType<typeof selectContent>;
  try {
    selection = selectContent(parsed.entries);
  } catch {
    return null;
  }
  const wanted = wantedFiles(selection);
  const current = repo.currentFiles();
  if (wanted.length !== current.size || wanted.some((w) => current.get(w.path) !== w.sha)) return null;
  return parsed.entries;
}

/** Records the listing of the commit being installed (call inside the update's transaction). */
export function keepListing(repo: SyncRepository, commit: string, entries: TreeEntry[]): void {
  repo.setMeta(LISTING_KEY, JSON.stringify({ commit, entries }));
}
