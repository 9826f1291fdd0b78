import type { Database } from 'better-sqlite3';
import type { EvolutionApi, LineageGraph, TimelineItem } from '../../shared/contract/evolution';
import type { PageId } from '../../shared/domain';
import { EvolutionRepository, type AliasRow, type EvolutionPageRow } from './evolution-repository';
import { buildLineage, neighbourhood, pageNode } from './lineage';
import { buildTimeline } from './timeline-items';

/**
 * Timelines and lineage, derived at read time from content.db (facts, front matter,
 * aliases), so they follow every import and content update without a schema of their own.
 */
export class EvolutionService implements EvolutionApi {
  private readonly repo: EvolutionRepository;
  /** What was derived from one state of content.db; rebuilt when the database changes. */
  private derived: {
    key: string;
    pages: EvolutionPageRow[];
    aliases: AliasRow[];
    timeline?: TimelineItem[];
    graph?: LineageGraph;
  } | null = null;

  constructor(db: Database) {
    this.repo = new EvolutionRepository(db);
  }

  private current() {
    const key = this.repo.stateKey();
    if (this.derived?.key !== key)
      this.derived = { key, pages: this.repo.listPages(), aliases: this.repo.listAliases() };
    return this.derived;
  }

  /** Every timeline fact of the corpus with its page, source and conflicts, by year. */
  async getTimeline(): Promise<TimelineItem[]> {
    const d = this.current();
    return (d.timeline ??= buildTimeline(d.pages, this.repo.listFacts(), d.aliases));
  }

  /** The whole lineage graph (no ids), or the part within `depth` edges of the given pages. */
  async getLineage(ids: PageId[], depth: number): Promise<LineageGraph> {
    const d = this.current();
    const { pages, aliases } = d;
    const graph = (d.graph ??= buildLineage(pages, aliases));
    if (ids.length === 0) return graph;
    const targets = new Map(aliases.map((a) => [a.id, a.targetId]));
    const known = new Map(pages.map((p) => [p.id, p]));
    const centre = ids.map((id) => (known.has(id) ? id : (targets.get(id) ?? id)));
    const part = neighbourhood(graph, centre, depth);
    // A page without any edge is still shown, alone, when asked for.
    for (const id of centre) {
      const p = known.get(id);
      if (p && !part.nodes.some((n) => n.id === id)) part.nodes.push(pageNode(p));
    }
    return part;
  }
}
