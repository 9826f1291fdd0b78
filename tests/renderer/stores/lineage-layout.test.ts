import { describe, expect, it } from 'vitest';
import type { LineageGraph, LineageNode } from '../../../src/shared/contract';
import { layoutLineage, stepLineage } from '../../../src/renderer/src/stores/lineage-layout';

const node = (id: string): LineageNode => ({
  id,
  title: id.toUpperCase(),
  tier: null,
  type: null,
  status: null,
  year: null,
  redirect: false,
});

describe('stepLineage (keyboard order of the lineage nodes)', () => {
  // a → b, a → c: dagre puts a in the first column, b and c stacked in the second.
  const graph: LineageGraph = {
    nodes: ['a', 'b', 'c'].map(node),
    edges: [
      { from: 'a', to: 'b', kind: 'replaced-by', via: 'x' },
      { from: 'a', to: 'c', kind: 'replaced-by', via: 'x' },
    ],
  };
  const { nodes } = layoutLineage(graph, ['replaced-by'], 'a');
  const y = (id: string) => nodes.find((n) => n.node.id === id)!.y;
  const [upper, lower] = y('b') < y('c') ? ['b', 'c'] : ['c', 'b'];

  it('goes right along the edges, up and down within a column, and back left', () => {
    expect(['b', 'c']).toContain(stepLineage(nodes, 'a', 'ArrowRight'));
    expect(stepLineage(nodes, upper, 'ArrowDown')).toBe(lower);
    expect(stepLineage(nodes, lower, 'ArrowUp')).toBe(upper);
    expect(stepLineage(nodes, upper, 'ArrowLeft')).toBe('a');
  });

  it('stays put at the edge of the graph, and starts at the first node when the focused one is gone', () => {
    expect(stepLineage(nodes, 'a', 'ArrowLeft')).toBeNull();
    expect(stepLineage(nodes, upper, 'ArrowUp')).toBeNull();
    expect(stepLineage(nodes, upper, 'ArrowRight')).toBeNull();
    expect(stepLineage(nodes, 'gone', 'ArrowRight')).toBe(nodes[0]!.node.id);
  });
});
