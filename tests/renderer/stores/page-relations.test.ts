import { describe, expect, it } from 'vitest';
import type { LineageEdge, LineageGraph, LineageNode } from '../../../src/shared/contract';
import type { PageMeta } from '../../../src/shared/domain';
import {
  hasRelations,
  originOf,
  pageRelations,
  stripScale,
} from '../../../src/renderer/src/stores/page-relations';

const node = (id: string, year: number | null = null): LineageNode => ({
  id,
  title: id,
  tier: null,
  type: null,
  status: null,
  year,
  redirect: false,
});
const edge = (from: string, to: string, kind: LineageEdge['kind'], via: string): LineageEdge => ({
  from,
  to,
  kind,
  via,
});

const graph: LineageGraph = {
  nodes: [
    node('2pc'),
    node('saga'),
    node('guide'),
    node('old'),
    node('case-b', 2015),
    node('case-a', 2009),
    node('case-x'),
  ],
  edges: [
    edge('2pc', 'saga', 'replaced-by', 'modern_alternatives'),
    edge('2pc', 'saga', 'replaced-by', 'guide'),
    edge('old', '2pc', 'replaced-by', 'deprecation_reason'),
    edge('2pc', 'case-x', 'used-by', 'patterns_used'),
    edge('2pc', 'case-b', 'used-by', 'patterns_used'),
    edge('2pc', 'case-a', 'used-by', 'patterns_used'),
    edge('2pc', 'missing', 'builds-on', 'prerequisites'),
  ],
};

describe('page relations', () => {
  it('merges a replacement stated by a field and a guide into one line naming both', () => {
    const r = pageRelations(graph, '2pc');
    expect(r.replacedBy).toEqual([
      { node: node('saga'), fields: ['modern alternatives'], guides: [node('guide')] },
    ]);
    expect(r.grewFrom).toEqual([{ node: node('old'), fields: ['deprecation reason'], guides: [] }]);
  });

  it('lists case studies oldest first, undated last, and drops edges to nodes not in the graph', () => {
    const r = pageRelations(graph, '2pc');
    expect(r.usedBy.map((x) => x.node.id)).toEqual(['case-a', 'case-b', 'case-x']);
    expect(r.buildsOn).toEqual([]);
    expect(pageRelations(graph, 'case-a').patternsUsed.map((x) => x.node.id)).toEqual(['2pc']);
  });

  it('has nothing to list without a graph or for an unrelated page', () => {
    expect(hasRelations(pageRelations(null, '2pc'))).toBe(false);
    expect(hasRelations(pageRelations(graph, 'nowhere'))).toBe(false);
    expect(hasRelations(pageRelations(graph, 'guide'))).toBe(false);
    expect(hasRelations(pageRelations(graph, 'saga'))).toBe(true);
  });

  it('takes the origin from introduced, else from year_implemented', () => {
    const meta = (over: Partial<PageMeta>) =>
      ({ introduced: null, yearImplemented: null, ...over }) as PageMeta;
    expect(originOf(meta({ introduced: { year: 1987, month: 3 }, yearImplemented: 2001 }))).toEqual({
      year: 1987,
      label: 'Introduced',
    });
    expect(originOf(meta({ yearImplemented: 2001 }))).toEqual({ year: 2001, label: 'In production since' });
    expect(originOf(meta({}))).toBeNull();
  });

  it('spreads the strip between its margins, and a single year does not divide by zero', () => {
    const x = stripScale(2000, 2010);
    expect([x(2000), x(2005), x(2010)]).toEqual([4, 150, 296]);
    expect(stripScale(2020, 2020)(2020)).toBe(4);
  });
});
