import { describe, expect, it } from 'vitest';
import type { NavNode } from '../../src/shared/domain';
import { ancestorKeysOf, trailOf } from '../../src/renderer/src/nav-tree';

const n = (title: string, pageId: string | null, children: NavNode[] = []): NavNode => ({
  title,
  pageId,
  children,
});
const nav = [
  n('Home', 'index'),
  n('Patterns', null, [
    n('Overview', 'pattern-library/index'),
    n('Resilience', 'pattern-library/resilience/index', [
      n('Circuit Breaker', 'pattern-library/resilience/circuit-breaker'),
    ]),
  ]),
];

describe('nav tree', () => {
  it('finds the keys of the sections to open to reveal a page', () => {
    expect(ancestorKeysOf(nav, 'pattern-library/resilience/circuit-breaker')).toEqual(['1', '1.1']);
    expect(ancestorKeysOf(nav, 'index')).toEqual([]);
    expect(ancestorKeysOf(nav, 'nowhere')).toBeNull();
  });

  it('gives the breadcrumb trail of a page', () => {
    expect(trailOf(nav, 'pattern-library/resilience/circuit-breaker')?.map((t) => t.title)).toEqual([
      'Patterns',
      'Resilience',
      'Circuit Breaker',
    ]);
    expect(trailOf(nav, 'nowhere')).toBeNull();
  });
});
