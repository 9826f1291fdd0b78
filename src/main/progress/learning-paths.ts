import type { LearningPathProgress } from '../../shared/contract/progress';
import type { PageId } from '../../shared/domain';
import type { LearningPathRepository } from './learning-path-repository';

/**
 * Learning-path progress: the pages each path links (content.db) against the pages the
 * user marked read (user.db). Computed on demand; neither database is written.
 */
export function learningPathProgress(
  paths: LearningPathRepository,
  readIds: readonly PageId[],
): LearningPathProgress[] {
  const read = new Set(readIds);
  return paths.listWithLinks().map((p) => ({
    pageId: p.id,
    title: p.title,
    read: p.linked.filter((id) => read.has(id)).length,
    total: p.linked.length,
  }));
}

/** The paths started and not finished, most read (by share) first. */
export function inProgress(all: LearningPathProgress[]): LearningPathProgress[] {
  return all
    .filter((p) => p.read > 0 && p.read < p.total)
    .sort((a, b) => b.read / b.total - a.read / a.total || a.title.localeCompare(b.title));
}
