import { describe, expect, it } from 'vitest';
import { lineDiff } from '../../../src/main/sync/line-diff';

/** Rebuilds both texts from a diff without folded context. */
function sides(before: string, after: string) {
  const lines = lineDiff(before, after);
  return {
    lines,
    a: lines.filter((l) => l.op !== 'add').map((l) => l.text),
    b: lines.filter((l) => l.op !== 'del').map((l) => l.text),
  };
}

describe('lineDiff', () => {
  it('marks exactly the changed lines and keeps both texts recoverable', () => {
    const before = 'a\nb\nc\nd';
    const after = 'a\nB\nc\nd\ne';
    const { lines, a, b } = sides(before, after);
    expect(a).toEqual(before.split('\n'));
    expect(b).toEqual(after.split('\n'));
    expect(lines.filter((l) => l.op === 'del').map((l) => l.text)).toEqual(['b']);
    expect(lines.filter((l) => l.op === 'add').map((l) => l.text)).toEqual(['B', 'e']);
  });

  it('folds long unchanged runs into a skip with their count', () => {
    const common = Array.from({ length: 50 }, (_, i) => `line ${i}`);
    const lines = lineDiff(
      common.join('\n'),
      [...common.slice(0, 25), 'new', ...common.slice(25)].join('\n'),
    );
    expect(lines.filter((l) => l.op === 'add')).toEqual([{ op: 'add', text: 'new' }]);
    expect(lines.filter((l) => l.op === 'skip').map((l) => Number(l.text))).toEqual([22, 22]);
    expect(lines.filter((l) => l.op === 'same')).toHaveLength(6);
  });

  it('shows an added and a removed file as all lines added or removed', () => {
    expect(lineDiff('', 'x\ny')).toEqual([
      { op: 'add', text: 'x' },
      { op: 'add', text: 'y' },
    ]);
    expect(lineDiff('x', '')).toEqual([{ op: 'del', text: 'x' }]);
    expect(lineDiff('same', 'same')).toEqual([{ op: 'skip', text: '1' }]);
  });

  it('finds a minimal script on shuffled lines', () => {
    const a = 'p\nq\nr\ns\nt\nu'.split('\n');
    const b = 'q\np\nr\nt\ns\nu\nv'.split('\n');
    const { lines, a: ra, b: rb } = sides(a.join('\n'), b.join('\n'));
    expect(ra).toEqual(a);
    expect(rb).toEqual(b);
    expect(lines.filter((l) => l.op !== 'same' && l.op !== 'skip')).toHaveLength(5);
  });
});
