import { describe, expect, it } from 'vitest';
import { resolveLink, type LinkTargets } from '../../../src/main/corpus/link-resolver';

const targets: LinkTargets = {
  pages: new Set([
    'index',
    'pattern-library/index',
    'pattern-library/resilience/circuit-breaker',
    'pattern-library/resilience/retry',
    'guides/intro',
  ]),
  aliases: new Map([
    ['patterns/circuit-breaker', { target: 'pattern-library/resilience/circuit-breaker', anchor: null }],
  ]),
  anchors: new Map([
    [
      'pattern-library/resilience/circuit-breaker',
      new Map([
        ['how-it-works', 'how-it-works'],
        ['setup-step-1-1', 'setup-step-1_1'],
      ]),
    ],
  ]),
  byBaseName: new Map([['retry', ['pattern-library/resilience/retry']]]),
};
const from = 'pattern-library/resilience/retry.md';
const fromId = 'pattern-library/resilience/retry';

describe('resolveLink', () => {
  it.each([
    ['circuit-breaker.md', 'pattern-library/resilience/circuit-breaker', null],
    ['./circuit-breaker.md#how-it-works', 'pattern-library/resilience/circuit-breaker', 'how-it-works'],
    ['../index.md', 'pattern-library/index', null],
    ['/pattern-library/resilience/circuit-breaker/', 'pattern-library/resilience/circuit-breaker', null],
    ['../circuit-breaker/', 'pattern-library/resilience/circuit-breaker', null],
    ['circuit-breaker/', 'pattern-library/resilience/circuit-breaker', null],
    ['../../patterns/circuit-breaker.md', 'pattern-library/resilience/circuit-breaker', null],
    ['#local', fromId, 'local'],
    ['circuit-breaker.md#setup-step-1-1', 'pattern-library/resilience/circuit-breaker', 'setup-step-1_1'],
    ['/', 'index', null],
  ])('%s → %s', (href, id, anchor) => {
    const r = resolveLink(href, from, fromId, targets);
    expect(r).toMatchObject({ targetId: id, anchor, broken: false });
  });

  it('marks unresolved links broken with a unique-name repair candidate', () => {
    expect(resolveLink('../old/retry.md', 'guides/intro.md', 'guides/intro', targets)).toMatchObject({
      broken: true,
      candidate: 'pattern-library/resilience/retry',
    });
    expect(resolveLink('nowhere.md', from, fromId, targets)).toMatchObject({ broken: true, candidate: null });
    expect(resolveLink('../../../../etc/passwd.md', from, fromId, targets).broken).toBe(true);
  });

  it('treats non-page files as assets, neither resolved nor broken', () => {
    expect(resolveLink('../img/diagram.png', from, fromId, targets)).toMatchObject({
      asset: true,
      broken: false,
    });
  });
});
