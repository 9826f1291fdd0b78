import { describe, expect, it } from 'vitest';
import type { TreeEntry } from '../../../src/main/sync/github-client';
import { HostileTreeError, selectContent } from '../../../src/main/sync/tree-rules';

const sha = (c: string) => c.repeat(40);
const file = (path: string, extra: Partial<TreeEntry> = {}): TreeEntry => ({
  path,
  mode: '100644',
  type: 'blob',
  sha: sha('1'),
  size: 10,
  ...extra,
});

describe('selectContent', () => {
  it('keeps regular .md files under docs/ and mkdocs.yml, with paths under docs/', () => {
    const s = selectContent([
      file('docs/b.md'),
      file('docs/a/index.md', { mode: '100755' }),
      file('docs/assets/logo.png'),
      file('README.md'),
      file('mkdocs.yml', { sha: sha('2') }),
      { path: 'docs', mode: '040000', type: 'tree', sha: sha('3') },
    ]);
    expect(s.files.map((f) => f.path)).toEqual(['a/index.md', 'b.md']);
    expect(s.mkdocs).toEqual({ path: 'mkdocs.yml', sha: sha('2'), size: 10 });
    expect(s.rejected).toEqual([]);
  });

  it.each([
    ['docs/../x.md', /"\." or "\.\."/],
    ['docs/./x.md', /"\." or "\.\."/],
    ['/etc/x.md', /absolute/],
    ['C:/x.md', /absolute/],
    ['docs/a\\b.md', /backslash/],
    ['docs/a\u0007.md', /control character/],
    ['docs//x.md', /empty segment/],
    ['', /empty path/],
  ])('refuses the whole tree for %j', (path, why) => {
    expect(() => selectContent([file('docs/ok.md'), file(path)])).toThrow(HostileTreeError);
    expect(() => selectContent([file(path)])).toThrow(why);
  });

  it('leaves out links, submodules, big files, unsafe names and case collisions, saying why', () => {
    const s = selectContent([
      file('docs/link.md', { mode: '120000' }),
      file('docs/sub.md', { mode: '160000', type: 'commit' }),
      file('docs/big.md', { size: 10 * 1024 * 1024 + 1 }),
      file('docs/.git/config.md'),
      file('docs/CON.md'),
      file('docs/trail /x.md'),
      file('docs/Same.md'),
      file('docs/same.md'),
      file('docs/caf\u00e9.md'),
      file('docs/cafe\u0301.md'),
    ]);
    expect(s.files.map((f) => f.path)).toEqual(['Same.md', 'café.md']);
    expect(s.rejected.map((r) => [r.path, r.reason])).toEqual([
      ['docs/link.md', 'a symbolic link'],
      ['docs/sub.md', 'a submodule'],
      ['docs/big.md', 'larger than 10 MB'],
      ['docs/.git/config.md', 'the name has a ".git" segment'],
      ['docs/CON.md', 'the name has a Windows reserved name'],
      ['docs/trail /x.md', 'the name has a segment ending in a dot or space'],
      ['docs/same.md', 'differs from docs/Same.md only in case or Unicode form'],
      ['docs/cafe\u0301.md', 'differs from docs/caf\u00e9.md only in case or Unicode form'],
    ]);
  });

  it('refuses trees beyond the file-count or total-size caps', () => {
    const many = Array.from({ length: 20_001 }, (_, i) => file(`docs/p${i}.md`));
    expect(() => selectContent(many)).toThrow(/at most 20000/);
    const heavy = Array.from({ length: 25 }, (_, i) => file(`docs/h${i}.md`, { size: 9 * 1024 * 1024 }));
    expect(() => selectContent(heavy)).toThrow(/bytes \(at most/);
  });
});
