import { describe, expect, it } from 'vitest';
import { splitFrontMatter } from '../../../src/main/corpus/front-matter';

describe('splitFrontMatter', () => {
  it('splits like MkDocs and parses YAML 1.1 (dates become ISO strings, 2007-03 stays a string)', () => {
    const r = splitFrontMatter(
      '---\ntitle: A\nlast_updated: 2025-01-02\nintroduced: 2007-03\n---\n\n# Body\n',
    );
    expect(r.data).toEqual({ title: 'A', last_updated: '2025-01-02', introduced: '2007-03' });
    expect(r.body).toBe('# Body\n');
    expect(r.bodyLine).toBe(7);
    expect(r.problems).toEqual([]);
  });

  it('keeps invalid YAML raw, reports the file line, and removes it from the body', () => {
    const r = splitFrontMatter('---\ntitle: "open\n---\nBody');
    expect(r.data).toEqual({});
    expect(r.raw).toBe('title: "open\n');
    expect(r.body).toBe('Body');
    expect(r.problems[0]?.kind).toBe('front-matter-invalid');
    expect(r.problems[0]?.line).toBeGreaterThanOrEqual(2);
  });

  it('reports missing and unclosed front matter without losing the text', () => {
    expect(splitFrontMatter('# Only body').problems[0]?.kind).toBe('front-matter-missing');
    const unclosed = splitFrontMatter('---\ntitle: x\nno end');
    expect(unclosed.problems[0]?.kind).toBe('front-matter-unclosed');
    expect(unclosed.body).toContain('no end');
  });

  it('accepts duplicate keys (last wins) with a note, as PyYAML does', () => {
    const r = splitFrontMatter('---\na: 1\na: 2\n---\n');
    expect(r.data).toEqual({ a: 2 });
    expect(r.notes.join()).toMatch(/duplicate/);
  });

  it('rejects alias bombs quickly and never runs custom tags', () => {
    const levels = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (const [prev, name] of [
      ['a', 'b'],
      ['b', 'c'],
      ['c', 'd'],
      ['d', 'e'],
      ['e', 'f'],
      ['f', 'g'],
    ]) {
      levels.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    const bomb = splitFrontMatter(`---\n${levels.join('\n')}\n---\n`);
    expect(bomb.problems[0]?.kind).toBe('front-matter-invalid');
    const tagged = splitFrontMatter('---\nx: !!python/object/apply:os.system ["rm -rf /"]\n---\n');
    expect(JSON.stringify(tagged.data)).not.toContain('function');
    expect(tagged.notes.join()).toMatch(/tag/i);
  });

  it('does not parse huge front matter', () => {
    const r = splitFrontMatter(`---\nx: "${'a'.repeat(70_000)}"\n---\nbody`);
    expect(r.problems[0]?.message).toMatch(/over 64 KB/);
    expect(r.body).toBe('body');
  });

  it('treats a non-map document as invalid', () => {
    expect(splitFrontMatter('---\n- a\n---\n').problems[0]?.kind).toBe('front-matter-invalid');
  });
});
