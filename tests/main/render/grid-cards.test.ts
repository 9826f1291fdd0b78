import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { splitFrontMatter } from '../../../src/main/corpus/front-matter';
import { corpusAvailable, realCorpusAt, SKIP_MESSAGE } from '../../helpers/corpus';
import { render } from './render-helpers';

/** The top-level items of the first grid-card block, as HTML strings. */
function cardsOf(html: string): string[] {
  const block = /<div class="grid cards">\n<ul>\n([\s\S]*?)<\/ul>\n<\/div>/.exec(html)?.[1] ?? '';
  const cards: string[] = [];
  let depth = 0;
  let start = 0;
  for (const m of block.matchAll(/<(\/?)li>/g)) {
    if (!m[1] && depth++ === 0) start = m.index;
    if (m[1] && --depth === 0) cards.push(block.slice(start, m.index + 5));
  }
  return cards;
}

describe('grid cards', () => {
  it('builds each card from its list item when continuation lines are indented by one space', () => {
    const html = render(
      '<div class="grid cards" markdown>\n\n- **Week 1**\n \n Apply laws:\n \n - [A](a.md) - x\n - [B](b.md) - y\n\n- **Week 2**\n \n Text two\n\n</div>\n',
    ).html;
    const cards = cardsOf(html);
    expect(cards).toHaveLength(2);
    expect(cards[0]).toMatch(
      /<strong>Week 1<\/strong>[\s\S]*<p>Apply laws:<\/p>\n<ul>\n<li><a href="a.md"[\s\S]*<\/ul>\n<\/li>$/,
    );
    expect(cards[1]).toContain('<p>Text two</p>');
  });

  it('keeps four-space cards and flush-left text after the list as they were', () => {
    const html = render(
      '<div class="grid cards" markdown>\n\n- **A**\n\n    ---\n\n    Body\n\n</div>\n',
    ).html;
    expect(cardsOf(html)).toEqual(['<li>\n<p><strong>A</strong></p>\n<hr>\n<p>Body</p>\n</li>']);
    expect(render('<div class="grid cards" markdown>\n- a\n\nafter\n</div>\n').html).toContain(
      '</ul>\n<p>after</p>',
    );
  });

  it('leaves lists outside card blocks to CommonMark', () => {
    expect(render('- a\n b\n\n c\n').html).toBe('<ul>\n<li>a\nb</li>\n</ul>\n<p>c</p>\n');
  });
});

describe.skipIf(!corpusAvailable())('grid cards on the real corpus (snap-5)', () => {
  if (!corpusAvailable()) console.log(SKIP_MESSAGE);
  it('architect learning path: each week is one card holding its links', () => {
    const file = join(realCorpusAt('snap-5'), 'docs/architects-handbook/learning-paths/architect.md');
    const cards = cardsOf(render(splitFrontMatter(readFileSync(file, 'utf8')).body).html);
    expect(cards.length).toBe(2);
    for (const card of cards) expect(card.match(/<li>/g)!.length).toBeGreaterThanOrEqual(4);
  });
});
