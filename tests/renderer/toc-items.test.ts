import { describe, expect, it } from 'vitest';
import { renderPage } from '../../src/main/render/render-page';
import { tocItems } from '../../src/renderer/src/toc-items';

const toc = (src: string) =>
  tocItems(renderPage(src, { pageId: 'toc' }).headings).map((h) => `${h.indent}:${h.text}`);

describe('table-of-contents items', () => {
  it('leaves out the opening H1 (the title) but lists a level-1 heading in the middle of the page', () => {
    expect(toc('# Title\n\n## Intro\n\n### Detail\n\n# Part two\n\n## Setup')).toEqual([
      '1:Intro',
      '2:Detail',
      '0:Part two',
      '1:Setup',
    ]);
  });

  it('indents from H2 when the page has no later H1, and drops H5 and deeper', () => {
    expect(toc('# Title\n\n## A\n\n##### Deep\n\n### B')).toEqual(['0:A', '1:B']);
  });

  it('lists an H1 that is not the first heading even when the page opens with an H2', () => {
    expect(toc('## Lead\n\n# Later part')).toEqual(['1:Lead', '0:Later part']);
  });
});
