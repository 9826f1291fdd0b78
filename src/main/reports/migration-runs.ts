import type { EvolutionApi, MigrationRunOffer } from '../../shared/contract';
import type { PageId } from '../../shared/domain';
import { countProgress } from '../../shared/progress-count';
import type { ProgressService } from '../progress/progress-service';
import type { PageLinksRepository } from './page-links-repository';
import type { MigrationRunSource } from './reports-service';

/**
 * The user's checklist runs (progress service) of the migration guides related to a page:
 * the guide itself, a guide whose from → to the lineage graph (evolution service) reads
 * as an edge touching the page (a guide is an edge's `via`), or a guide that links to the page.
 */
export class ProgressRunSource implements MigrationRunSource {
  constructor(
    private readonly progress: ProgressService,
    private readonly evolution: EvolutionApi,
    private readonly links: PageLinksRepository,
  ) {}

  /**
   * The pages related to a page: itself, the guides an edge through it came from, and the
   * pages linking to it (only those with a run count, and runs exist for guides only).
   */
  private async relatedGuides(pageId: PageId): Promise<Set<PageId>> {
    const related = new Set([pageId, ...this.links.findPagesLinkingTo(pageId)]);
    const { edges } = await this.evolution.getLineage([pageId], 1);
    for (const e of edges) if (e.from === pageId || e.to === pageId) related.add(e.via);
    return related;
  }

  /** The newest run (by last change; archived ones only when no other) of a related guide, as an offer. */
  async runRelatedTo(pageId: PageId): Promise<MigrationRunOffer | null> {
    const runs = (await this.progress.listRuns()).filter((r) => r.pageTitle !== null);
    if (!runs.length) return null;
    const related = await this.relatedGuides(pageId);
    const candidates = runs
      .filter((r) => related.has(r.pageId))
      .sort((a, b) => Number(a.archived) - Number(b.archived) || b.updatedAt.localeCompare(a.updatedAt));
    const run = candidates[0];
    if (!run) return null;
    const detail = this.progress.runDetail(run.id);
    const finished = run.count.total > 0 && run.count.done === run.count.total;
    const summary = (await this.progress.exportRun(run.id, 'md')).text.trim();
    return {
      guideId: run.pageId,
      guideTitle: run.pageTitle!,
      finished,
      finishedYear: finished ? Number(run.updatedAt.slice(0, 4)) : null,
      startedYear: Number(run.createdAt.slice(0, 4)),
      phases: detail.checklists.map((list) => {
        const c = countProgress(list.items, detail.items);
        return { name: list.sectionTitle, done: c.done, total: c.total };
      }),
      summary,
    };
  }
}
