import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import {
  findBlockBody,
  isBlankLine,
  lineText,
  tokenizeBody,
  type BlockBody,
} from '../../../src/main/render/block-body';

/** A minimal container (`@@@` on its own line) built on block-body, to test it without any real extension. */
function withBox(found: BlockBody[], texts: string[] = []): MarkdownIt {
  const md = new MarkdownIt();
  md.block.ruler.before(
    'paragraph',
    'box',
    (state, start, end, silent) => {
      if (state.sCount[start]! - state.blkIndent >= 4 || lineText(state, start) !== '@@@') return false;
      if (silent) return true;
      const body = findBlockBody(state, start, end);
      found.push({ ...body });
      for (let l = body.start; l < body.end; l++)
        texts.push(isBlankLine(state, l) ? '<blank>' : lineText(state, l));
      state.push('box_open', 'section', 1);
      tokenizeBody(state, body, 'box');
      state.push('box_close', 'section', -1);
      return true;
    },
    { alt: ['paragraph'] },
  );
  return md;
}

/** Rendered HTML without line breaks (block tokens add them; the structure is what matters). */
const flat = (html: string) => html.replace(/\n/g, '');

describe('findBlockBody / tokenizeBody', () => {
  it('takes the lines indented 4 spaces, across blank lines, up to the first line back at the marker level', () => {
    const found: BlockBody[] = [];
    const texts: string[] = [];
    const html = flat(withBox(found, texts).render('@@@\n    one\n\n    - two\n\nafter'));
    expect(found).toEqual([{ start: 1, end: 4, indent: 4 }]);
    expect(texts).toEqual(['one', '<blank>', '- two']);
    expect(html).toBe('<section><p>one</p><ul><li>two</li></ul></section><p>after</p>');
  });

  it('accepts a body indented fewer than 4 spaces (MkDocs would show an empty box)', () => {
    const found: BlockBody[] = [];
    const html = flat(withBox(found).render('@@@\n  short indent\n  **still** inside\n\nafter'));
    expect(found[0]!.indent).toBe(2);
    expect(html).toBe('<section><p>short indent<strong>still</strong> inside</p></section><p>after</p>');
  });

  it('takes unindented lines directly under the marker as part of the body (a flush-left table)', () => {
    const html = flat(withBox([]).render('@@@\n| a | b |\n|---|---|\n| 1 | 2 |\n\nafter'));
    expect(html).toMatch(/^<section><table>.*<td>1<\/td>.*<\/table><\/section><p>after<\/p>$/);
  });

  it('does not swallow a flush-left line that starts another block', () => {
    const found: BlockBody[] = [];
    const html = flat(withBox(found).render('@@@\n## Heading\n\ntext'));
    expect(found[0]).toMatchObject({ start: 1, end: 1 });
    expect(html).toBe('<section></section><h2>Heading</h2><p>text</p>');
  });

  it('measures indentation relative to an indented marker, and nests', () => {
    const found: BlockBody[] = [];
    const html = flat(
      withBox(found).render(
        '- item\n\n  @@@\n      inner\n\n      @@@\n          deepest\n\n  back in the item',
      ),
    );
    expect(found.map((b) => b.indent)).toEqual([6, 10]);
    expect(html).toContain(
      '<section><p>inner</p><section><p>deepest</p></section></section><p>back in the item</p>',
    );
  });

  it('gives an empty body the default indent of marker + 4', () => {
    const found: BlockBody[] = [];
    expect(flat(withBox(found).render('@@@'))).toBe('<section></section>');
    expect(found).toEqual([{ start: 1, end: 1, indent: 4 }]);
  });
});
