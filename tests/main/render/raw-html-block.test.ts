import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listCorpus } from '../../../src/main/corpus/corpus-reader';
import { splitFrontMatter } from '../../../src/main/corpus/front-matter';
import { corpusAvailable, realCorpusAt, SKIP_MESSAGE } from '../../helpers/corpus';
import { render } from './render-helpers';

/** A code block whose text starts with an HTML tag: raw HTML shown as code. */
const HTML_AS_CODE = /<pre class="code-block"><code>\s*&lt;\/?[a-z][a-z0-9]*[\s&>]/;

describe('raw HTML blocks across blank lines', () => {
  it('runs an indented HTML block to its closing tag, whitespace-only lines included', () => {
    const src =
      '<div class="explorer">\n    <div class="a">\n        <p>one</p>\n    </div>\n    \n    <div class="b">\n        <button>Go</button>\n    </div>\n</div>\n\nAfter\n';
    const { html } = render(src);
    expect(html).not.toMatch(HTML_AS_CODE);
    expect(html).toBe(src.replace('\n\nAfter\n', '\n') + '<p>After</p>\n');
  });

  it('counts nested tags of the same name and ends at the matching close', () => {
    const { html } = render('<div>\n  <div>\n\n  </div>\n\n  <p>x</p>\n</div>\n# Next\n');
    expect(html).toBe('<div>\n  <div>\n\n  </div>\n\n  <p>x</p>\n</div>\n<h1 id="next">Next</h1>\n');
  });

  it('leaves flush-left Markdown inside a div to Markdown, and unclosed blocks to CommonMark', () => {
    expect(render('<div class="box">\n<h4>T</h4>\n\n**bold** text\n</div>\n').html).toContain(
      '<p><strong>bold</strong> text</p>',
    );
    // No closing tag: CommonMark's two HTML blocks, the blank line dropped between them.
    expect(render('<div>\n  <p>a</p>\n\n  <p>b</p>\n').html).toBe('<div>\n  <p>a</p>\n  <p>b</p>\n');
  });

  it('works inside an admonition body', () => {
    const { html } = render('!!! note\n    <div>\n        <p>a</p>\n\n        <p>b</p>\n    </div>\n');
    expect(html).not.toMatch(HTML_AS_CODE);
    expect(html).toContain('<div>\n    <p>a</p>\n\n    <p>b</p>\n</div>');
  });
});

describe.skipIf(!corpusAvailable())('raw HTML on the real corpus (snap-5)', () => {
  if (!corpusAvailable()) console.log(SKIP_MESSAGE);
  it('shows no raw HTML as code on any page (pattern-library/index had a 127-line block)', () => {
    const root = realCorpusAt('snap-5');
    const index = render(
      splitFrontMatter(readFileSync(join(root, 'docs/pattern-library/index.md'), 'utf8')).body,
    ).html;
    expect(index).toContain('<div class="pattern-explorer-enhanced">');
    expect(index).toMatch(/<div class="pattern-grid-enhanced">[\s\S]*<select id="pattern-sort"/);
    const asCode = listCorpus(root)
      .files.filter((f) =>
        HTML_AS_CODE.test(render(splitFrontMatter(readFileSync(f.absPath, 'utf8')).body).html),
      )
      .map((f) => f.absPath.slice(root.length + 6));
    expect(asCode).toEqual([]);
  });
});
