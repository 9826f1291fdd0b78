import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { attrListPlugin } from '../../../src/main/render/attr-list';

const md = new MarkdownIt({ html: true }).use(attrListPlugin);
const render = (src: string) => md.render(src).trim();

describe('attrListPlugin', () => {
  it('applies a list ending a heading: id, classes and allowed keys, with or without the colon', () => {
    expect(render('## Title {#custom .a .b}')).toBe('<h2 id="custom" class="a b">Title</h2>');
    expect(render('## Head {: #h2id }')).toBe('<h2 id="h2id">Head</h2>');
    expect(render('# H {#a .b title="T t"}')).toBe('<h1 id="a" class="b" title="T t">H</h1>');
  });

  it('applies a list ending a paragraph, on the same line or on a line of its own', () => {
    expect(render('Para { .x }')).toBe('<p class="x">Para</p>');
    expect(render('Para\n{: .note }')).toMatch(/^<p class="note">Para\s*<\/p>$/);
  });

  it('applies a list written right after a link, image, code span or emphasis to that element', () => {
    expect(render('[Start](start.md){ .md-button .md-button--primary }')).toBe(
      '<p><a href="start.md" class="md-button md-button--primary">Start</a></p>',
    );
    expect(render('![alt](i.png){ width="300" align=left }')).toBe(
      '<p><img src="i.png" alt="alt" width="300" align="left"></p>',
    );
    expect(render('`x`{ .lang }')).toBe('<p><code class="lang">x</code></p>');
    expect(render('**b**{ .x } and *e*{#ee}')).toBe(
      '<p><strong class="x">b</strong> and <em id="ee">e</em></p>',
    );
  });

  it('finds the opening tag across nested emphasis inside a link', () => {
    expect(render('[a **b** c](u){ .btn }')).toBe(
      '<p><a href="u" class="btn">a <strong>b</strong> c</a></p>',
    );
  });

  it('keeps only presentational attributes: no handlers, styles or data attributes', () => {
    expect(render('[x](y){ onclick="alert(1)" style="color:red" data-x=1 ONLOAD=z .ok }')).toBe(
      '<p><a href="y" class="ok">x</a></p>',
    );
  });

  it('drops a list it cannot place inside link text (hand-made tables of contents)', () => {
    expect(render('[Title {#id}](#a)')).toBe('<p><a href="#a">Title</a></p>');
  });

  it('leaves braces that are not attribute lists as text', () => {
    expect(render('Set {a, b} here')).toBe('<p>Set {a, b} here</p>');
    expect(render('a { .x } b')).toBe('<p>a { .x } b</p>');
    expect(render('JSON {"a": 1}')).toBe('<p>JSON {&quot;a&quot;: 1}</p>');
    expect(render('{ }')).toBe('<p>{ }</p>');
  });

  it('does not touch code', () => {
    expect(render('```\n## x {#y}\n```')).toBe('<pre><code>## x {#y}\n</code></pre>');
    expect(render('`{ .x }`')).toBe('<p><code>{ .x }</code></p>');
  });
});
