import type { LineageEdge, LineageGraph, LineageNode } from '../../../shared/contract';
import type { PageMeta, PageId } from '../../../shared/domain';

/** A neighbour of the page on one lineage edge, with the guide page the edge came from (if any). */
export interface Relation {
  node: LineageNode;
  edge: LineageEdge;
  guide: LineageNode | null;
}

/** A replacement stated several ways (a field and a guide) is one line naming every source. */
export interface Replacement {
  node: LineageNode;
  fields: string[];
  guides: LineageNode[];
}

/** What the evolution panel lists about one page, from its lineage graph. */
export interface PageRelations {
  replacedBy: Replacement[];
  grewFrom: Replacement[];
  /** Case studies using the pattern, oldest first (undated last). */
  usedBy: Relation[];
  patternsUsed: Relation[];
  buildsOn: Relation[];
}

function replacements(rs: Relation[]): Replacement[] {
  const by = new Map<string, Replacement>();
  for (const r of rs) {
    const x = by.get(r.node.id) ?? { node: r.node, fields: [], guides: [] };
    if (r.guide) x.guides.push(r.guide);
    else x.fields.push(r.edge.via.replace(/_/g, ' '));
    by.set(r.node.id, x);
  }
  return [...by.values()];
}

/** The page's relations in `graph`, by kind and direction; edges to nodes missing from the graph are left out. */
export function pageRelations(graph: LineageGraph | null, pageId: PageId): PageRelations {
  const nodes = new Map((graph?.nodes ?? []).map((n) => [n.id, n]));
  const edges = graph?.edges ?? [];
  const relations = (kind: LineageEdge['kind'], dir: 'out' | 'in'): Relation[] =>
    edges
      .filter((e) => e.kind === kind && (dir === 'out' ? e.from : e.to) === pageId)
      .map((edge) => ({
        edge,
        node: nodes.get(dir === 'out' ? edge.to : edge.from)!,
        guide: nodes.get(edge.via) ?? null,
      }))
      .filter((r) => r.node);
  return {
    replacedBy: replacements(relations('replaced-by', 'out')),
    grewFrom: replacements(relations('replaced-by', 'in')),
    usedBy: relations('used-by', 'out').sort((a, b) => (a.node.year ?? 9999) - (b.node.year ?? 9999)),
    patternsUsed: relations('used-by', 'in'),
    buildsOn: relations('builds-on', 'out'),
  };
}

/** Whether the page has any relation to list. */
export const hasRelations = (r: PageRelations): boolean =>
  r.replacedBy.length + r.grewFrom.length + r.usedBy.length + r.patternsUsed.length + r.buildsOn.length > 0;

/** The page's own origin year from its front matter, with the words the panel says it with. */
export function originOf(meta: PageMeta): { year: number; label: string } | null {
  if (meta.introduced) return { year: meta.introduced.year, label: 'Introduced' };
  if (meta.yearImplemented !== null) return { year: meta.yearImplemented, label: 'In production since' };
  return null;
}

/**
 * The x scale of the panel's year strip, drawn in a 300-unit wide SVG with a 4-unit margin:
 * from `from` to `to` (a span of at least one year).
 */
export function stripScale(from: number, to: number): (year: number) => number {
  return (year) => 4 + ((year - from) / Math.max(1, to - from)) * 292;
}
