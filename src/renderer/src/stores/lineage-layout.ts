// dagre is the maintained layered-graph layout (rank assignment, crossing reduction, edge
// routing): lineage reads left to right, old → new, which a force layout would not keep.
import dagre from '@dagrejs/dagre';
import type { EdgeKind, LineageEdge, LineageGraph, LineageNode } from '../../../shared/contract';

export const EDGE_LABEL: Record<EdgeKind, string> = {
  'replaced-by': 'replaced by',
  'moved-to': 'moved to',
  'used-by': 'used by',
  'builds-on': 'builds on',
};

export interface PlacedNode {
  node: LineageNode;
  x: number;
  y: number;
  width: number;
  height: number;
  label: string;
}

export interface PlacedEdge {
  edge: LineageEdge;
  /** An SVG path through dagre's route points. */
  path: string;
  mid: { x: number; y: number };
}

export interface LineageLayout {
  nodes: PlacedNode[];
  edges: PlacedEdge[];
  width: number;
  height: number;
}

const NODE_H = 34;
const CHAR_W = 6.8;
const MAX_LABEL = 30;

const labelOf = (n: LineageNode) =>
  n.title.length > MAX_LABEL ? `${n.title.slice(0, MAX_LABEL - 1)}…` : n.title;

/** Places the nodes and routes the edges of the kinds shown; nodes left without an edge drop out (but the centre). */
export function layoutLineage(
  graph: LineageGraph,
  kinds: readonly EdgeKind[],
  centre: string,
): LineageLayout {
  const edges = graph.edges.filter((e) => kinds.includes(e.kind));
  const keep = new Set([centre, ...edges.flatMap((e) => [e.from, e.to])]);
  const nodes = graph.nodes.filter((n) => keep.has(n.id));
  const g = new dagre.graphlib.Graph({ multigraph: true });
  g.setGraph({ rankdir: 'LR', nodesep: 14, ranksep: 70, marginx: 8, marginy: 8 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const n of nodes)
    g.setNode(n.id, { width: Math.max(80, labelOf(n).length * CHAR_W + 24), height: NODE_H });
  edges.forEach((e, i) => {
    // "used by" and "builds on" point from the older idea to the newer, like "replaced by".
    g.setEdge(e.from, e.to, {}, `${e.kind}:${i}`);
  });
  dagre.layout(g);
  const placedNodes = nodes.map((node) => {
    const p = g.node(node.id);
    return {
      node,
      x: p.x - p.width / 2,
      y: p.y - p.height / 2,
      width: p.width,
      height: p.height,
      label: labelOf(node),
    };
  });
  const placedEdges = edges.map((edge, i) => {
    const pts = g.edge({ v: edge.from, w: edge.to, name: `${edge.kind}:${i}` }).points;
    const path = pts.map((p, j) => `${j ? 'L' : 'M'}${p.x.toFixed(1)},${p.y.toFixed(1)}`).join(' ');
    return { edge, path, mid: pts[Math.floor(pts.length / 2)]! };
  });
  const info = g.graph();
  return { nodes: placedNodes, edges: placedEdges, width: info.width ?? 0, height: info.height ?? 0 };
}

/**
 * The node the focus moves to from `from` with an arrow key: the nearest node whose centre lies
 * that way, preferring nodes straight ahead (a node off to the side costs twice its sideways
 * distance). Null when there is none.
 */
export function stepLineage(
  nodes: readonly PlacedNode[],
  from: string,
  key: 'ArrowLeft' | 'ArrowRight' | 'ArrowUp' | 'ArrowDown',
): string | null {
  const centre = (n: PlacedNode) => ({ x: n.x + n.width / 2, y: n.y + n.height / 2 });
  const at = nodes.find((n) => n.node.id === from);
  if (!at) return nodes[0]?.node.id ?? null;
  const a = centre(at);
  const horizontal = key === 'ArrowLeft' || key === 'ArrowRight';
  const sign = key === 'ArrowLeft' || key === 'ArrowUp' ? -1 : 1;
  let best: { id: string; cost: number } | null = null;
  for (const n of nodes) {
    const c = centre(n);
    const ahead = sign * (horizontal ? c.x - a.x : c.y - a.y);
    const aside = Math.abs(horizontal ? c.y - a.y : c.x - a.x);
    if (n === at || ahead <= 0) continue;
    const cost = ahead + 2 * aside;
    if (!best || cost < best.cost) best = { id: n.node.id, cost };
  }
  return best?.id ?? null;
}
