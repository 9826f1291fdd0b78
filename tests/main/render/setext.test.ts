import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { listCorpus } from '../../../src/main/corpus/corpus-reader';
import { splitFrontMatter } from '../../../src/main/corpus/front-matter';
import { corpusAvailable, realCorpusAt, SKIP_MESSAGE } from '../../helpers/corpus';
import { render } from './render-helpers';

describe('setext headings, read as Python-Markdown reads them', () => {
  it('keeps a one-line setext heading a heading', () => {
    const r = render('Title\n---\n\nSub\n===\n');
    expect(r.html).toContain('<h2 id="title">Title</h2>');
    expect(r.html).toContain('<h1 id="sub">Sub</h1>');
    expect(r.headings.map((h) => h.text)).toEqual(['Title', 'Sub']);
  });

  it('turns leftover front matter before --- into a paragraph and a rule, out of the table of contents', () => {
    const r = render('# Page\n\nPage\ndescription: A page\ntype: guide\n---\n\nText.\n');
    expect(r.html).toBe(
      '<h1 id="page">Page</h1>\n<p>Page\ndescription: A page\ntype: guide</p>\n<hr>\n<p>Text.</p>\n',
    );
    expect(r.headings.map((h) => h.text)).toEqual(['Page']);
  });

  it('keeps a === underline under a longer paragraph as text (no rule in Python-Markdown)', () => {
    expect(render('one\ntwo\n===\n').html).toBe('<p>one\ntwo\n===</p>\n');
  });

  it('works inside containers', () => {
    expect(render('!!! note\n    a: 1\n    b: 2\n    ---\n').html).toContain('<p>a: 1\nb: 2</p>\n<hr>');
  });
});

describe.skipIf(!corpusAvailable())('leftover front matter on the real corpus (snap-5)', () => {
  if (!corpusAvailable()) console.log(SKIP_MESSAGE);
  it('no heading spans several lines, and those pages show the paragraph and the rule', () => {
    const root = realCorpusAt('snap-5');
    const multiLine: string[] = [];
    let paragraphsBeforeRule = 0;
    for (const f of listCorpus(root).files) {
      const r = render(splitFrontMatter(readFileSync(f.absPath, 'utf8')).body);
      if (/<h[1-6][^>]*>[^<]*\n[^<]*<\/h[1-6]>/.test(r.html)) multiLine.push(f.absPath);
      paragraphsBeforeRule += r.html.match(/\ndescription: [^<]*<\/p>\n<hr>/g)?.length ?? 0;
    }
    console.log(`real corpus: ${paragraphsBeforeRule} leftover front-matter paragraphs shown as text + rule`);
    expect(multiLine).toEqual([]);
    expect(paragraphsBeforeRule).toBeGreaterThan(20);
  });
});
