import { describe, expect, it } from 'vitest';
import { buildLineage, guideEnds, neighbourhood } from '../../../src/main/evolution/lineage';
import { NameIndex } from '../../../src/main/evolution/name-index';
import { pageRow } from './page-rows';

const twoPc = pageRow('pattern-library/coordination/two-phase-commit', 'Two-Phase Commit (2PC)', {
  excellence_tier: 'bronze',
  type: 'pattern',
  modern_alternatives: [{ name: 'Saga', link: '../data/saga.md' }, 'Event Sourcing', 'Nothing Like This'],
  deprecation_reason: 'Blocking; the Outbox pattern and sagas replaced it.',
});
const saga = pageRow('pattern-library/data/saga', 'Saga Pattern', {
  excellence_tier: 'gold',
  type: 'pattern',
});
const es = pageRow('pattern-library/data/event-sourcing', 'Event Sourcing', {
  excellence_tier: 'silver',
  type: 'pattern',
});
const outbox = pageRow('pattern-library/data/outbox', 'Outbox', { excellence_tier: 'gold', type: 'pattern' });
const guide = pageRow('excellence/migrations/2pc-to-saga', 'Two-Phase Commit to Saga Migration Guide');
const study = pageRow('case-studies/shop', 'Shop checkout', {
  type: 'case-study',
  year_implemented: 2015,
  patterns_used: {
    gold: [{ saga: 'orders' }],
    bronze: ['two-phase-commit', '[pattern-name]'],
    silver: ['unknown-thing'],
  },
  prerequisites: ['pattern-library/data/event-sourcing', '../pattern-library/data/outbox.md', 'no-such-page'],
});
const pages = [twoPc, saga, es, outbox, guide, study];
const aliases = [
  { id: 'migrations/2pc-to-saga', targetId: 'excellence/migrations/2pc-to-saga' },
  { id: 'old/gone', targetId: null },
];

describe('buildLineage', () => {
  const g = buildLineage(pages, aliases);
  const edge = (from: string, to: string) => g.edges.filter((e) => e.from === from && e.to === to);

  it('turns modern alternatives (links and names) into replaced-by edges, leaving unknown names out', () => {
    expect(edge(twoPc.id, saga.id)).toContainEqual({
      from: twoPc.id,
      to: saga.id,
      kind: 'replaced-by',
      via: 'modern_alternatives',
    });
    expect(edge(twoPc.id, es.id)).toEqual([
      { from: twoPc.id, to: es.id, kind: 'replaced-by', via: 'modern_alternatives' },
    ]);
    expect(g.edges.filter((e) => e.from === twoPc.id && e.via === 'modern_alternatives')).toHaveLength(2);
  });

  it('finds gold/silver patterns named in a deprecation reason', () => {
    expect(edge(twoPc.id, outbox.id)).toEqual([
      { from: twoPc.id, to: outbox.id, kind: 'replaced-by', via: 'deprecation_reason' },
    ]);
  });

  it('leads a migration guide from its old pattern to its new one, via the guide, which is a node too', () => {
    expect(edge(twoPc.id, saga.id)).toContainEqual({
      from: twoPc.id,
      to: saga.id,
      kind: 'replaced-by',
      via: guide.id,
    });
    expect(g.nodes.map((n) => n.id)).toContain(guide.id);
    expect(neighbourhood(g, [twoPc.id], 1).nodes.map((n) => n.id)).toContain(guide.id);
  });

  it('leaves out a guide whose ends are not both pattern pages', () => {
    const other = pageRow('migration/monolith-to-microservices', 'Monolith to Microservices Migration Guide');
    const micro = pageRow('learning-paths/microservices', 'Microservices');
    const g2 = buildLineage([...pages, other, micro], []);
    expect(g2.edges.filter((e) => e.via === other.id)).toEqual([]);
  });

  it('builds used-by edges (pattern → case study) with the tier the case study gave, and builds-on edges', () => {
    expect(edge(saga.id, study.id)).toEqual([
      { from: saga.id, to: study.id, kind: 'used-by', via: 'patterns_used', tier: 'gold' },
    ]);
    expect(edge(twoPc.id, study.id)).toEqual([
      { from: twoPc.id, to: study.id, kind: 'used-by', via: 'patterns_used', tier: 'bronze' },
    ]);
    expect(g.edges.filter((e) => e.kind === 'used-by')).toHaveLength(2);
    expect(
      g.edges
        .filter((e) => e.kind === 'builds-on')
        .map((e) => e.to)
        .sort(),
    ).toEqual([es.id, outbox.id]);
  });

  it('turns resolved redirects into moved-to edges and marks their nodes as redirects', () => {
    expect(g.edges.filter((e) => e.kind === 'moved-to')).toEqual([
      { from: 'migrations/2pc-to-saga', to: guide.id, kind: 'moved-to', via: 'redirect_to' },
    ]);
    expect(g.nodes.find((n) => n.id === 'migrations/2pc-to-saga')).toMatchObject({
      redirect: true,
      tier: null,
    });
    expect(g.nodes.find((n) => n.id === study.id)).toMatchObject({ year: 2015, type: 'case-study' });
  });

  it('cuts a neighbourhood of a given depth', () => {
    const one = neighbourhood(g, [es.id], 1);
    expect(one.nodes.map((n) => n.id).sort()).toEqual([es.id, study.id, twoPc.id].sort());
    const two = neighbourhood(g, [es.id], 2);
    expect(two.nodes.map((n) => n.id)).toContain(saga.id);
    expect(neighbourhood(g, [es.id], 0).edges).toEqual([]);
  });
});

describe('guideEnds and NameIndex', () => {
  it('reads both ends of a guide from its title and its file name', () => {
    expect(guideEnds('Two-Phase Commit to Saga Migration Guide', 'x/2pc-to-saga')).toEqual([
      ['Two-Phase Commit', 'Saga'],
      ['2pc', 'saga'],
    ]);
    expect(guideEnds('Migrating from Gossip Protocol to Service Mesh', 'x/y')).toEqual([
      ['Gossip Protocol', 'Service Mesh'],
    ]);
    expect(guideEnds('Migration Playbook: Two-Phase Commit to Saga', 'x/y')).toEqual([
      ['Two-Phase Commit', 'Saga'],
    ]);
    expect(guideEnds('Playbook', 'x/polling-to-websocket')).toEqual([['polling', 'websocket']]);
    expect(guideEnds('Overview', 'x/overview')).toEqual([]);
  });

  it('finds pages by title, abbreviation, file name and alias; an ambiguous name stays unresolved', () => {
    const index = new NameIndex(
      [
        ...pages,
        pageRow('guides/saga', 'Saga', {}),
        pageRow('a/x', 'Caching', {}),
        pageRow('b/x', 'Caching', {}),
      ],
      aliases,
    );
    expect(index.resolveName('2PC')).toBe(twoPc.id);
    expect(index.resolveName('two phase commit')).toBe(twoPc.id);
    expect(index.resolveName('Saga')).toBe(saga.id); // the pattern page wins over a same-named guide
    expect(index.resolveName('Caching')).toBeNull();
    expect(index.resolveId('/migrations/2pc-to-saga/')).toBe(guide.id);
    expect(index.resolveLink('../data/outbox.md#why', twoPc.id)).toBe(outbox.id);
    expect(index.resolveLink('../../data/outbox.md', twoPc.id)).toBeNull();
    expect(index.resolveLink('https://example.com/saga', twoPc.id)).toBeNull();
  });
});
