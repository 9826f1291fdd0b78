import { describe, expect, it } from 'vitest';
import { MAX_RENDER_BYTES, renderPage } from '../../../src/main/render/render-page';
import { render, textOf } from './render-helpers';

describe('renderPage', () => {
  it('gives headings both anchor spellings and honours {#id}', () => {
    const { headings, html } = render(
      '# Title\n\n## Level 1: Intuition (5 min) {#intuition}\n\n## Café & Co',
    );
    expect(headings.map((h) => h.id)).toEqual(['title', 'intuition', 'cafe-co']);
    expect(headings[2]!.altIds).toEqual(['café--co']);
    expect(html).toContain('<h2 id="intuition">Level 1: Intuition (5 min)</h2>');
  });

  it('applies attribute lists and never shows them as text', () => {
    const { html } = render(
      '[Start](start.md){ .md-button .md-button--primary }\n\n[Level 1 {#intuition}](#level-1)\n\nPara\n{: .note }',
    );
    expect(html).toContain('<a href="start.md" class="md-button md-button--primary" data-link="0">Start</a>');
    expect(textOf(html)).not.toMatch(/\{[:.#]/);
  });

  it('does not let attribute lists add handlers or importer attributes', () => {
    const { html } = render('[x](a.md){onclick="alert(1)" data-link="9" .ok}');
    expect(html).not.toContain('onclick');
    expect(html).toContain('class="ok" data-link="0"');
  });

  it('marks task items with a disabled checkbox carrying the task index', () => {
    const { html, tasks } = render('## Prep\n\n- [ ] First\n- [x] Second **done**\n- not a task');
    expect(html).toContain(
      '<li class="task-list-item"><input type="checkbox" class="task-list-item-checkbox" disabled data-task-index="0"> First</li>',
    );
    expect(html).toContain('data-task-index="1" checked> Second <strong>done</strong>');
    expect(tasks.map((t) => [t.text, t.checked, t.line, t.sectionSlug])).toEqual([
      ['First', false, 3, 'prep'],
      ['Second **done**', true, 4, 'prep'],
    ]);
    expect(textOf(html)).not.toContain('[ ]');
  });

  it('tags internal Markdown and raw-HTML links with data-link, not external ones', () => {
    const { html, links } = render(
      '[a](../a.md#x) [b](https://example.com) [c](#local)\n\n<a href=\'../card/\' class="pattern-card">Card</a>\n\n<a href="mailto:x@y">m</a>',
    );
    expect(links.map((l) => l.href)).toEqual(['../a.md#x', '#local', '../card/']);
    expect(html).toContain('<a href="../a.md#x" data-link="0">a</a>');
    expect(html).toContain('<a href="https://example.com">b</a>');
    expect(html).toContain('<a href="../card/" class="pattern-card" data-link="2">Card</a>');
    expect(html).toContain('<a href="mailto:x@y">m</a>');
  });

  it('strips importer-reserved attributes written by the author in raw HTML', () => {
    const { html } = render(
      '<a href="x.md" data-link="7" data-item-key="k">x</a>\n\n<input data-task-index="3">',
    );
    expect(html).toContain('<a href="x.md" data-link="0">');
    expect(html).not.toMatch(/data-link="7"|data-item-key|data-task-index/);
  });

  it('makes mermaid fences placeholders and keeps other code escaped with its language', () => {
    const { html, features, fences } = render(
      '```mermaid\ngraph TD\n  A["<b>x</b>"] --> B\n```\n\n```python\nif a < b: pass\n```',
    );
    expect(html).toContain(
      '<div class="mermaid-diagram"><pre class="mermaid-source">graph TD\n  A[&quot;&lt;b&gt;x&lt;/b&gt;&quot;] --&gt; B\n</pre></div>',
    );
    expect(html).toContain(
      '<pre class="code-block" data-lang="python"><code class="language-python">if a &lt; b: pass\n</code></pre>',
    );
    expect(features.diagrams).toBe(1);
    expect(fences.map((f) => f.lang)).toEqual(['mermaid', 'python']);
  });

  it('keeps raw HTML for the sanitiser and puts a notice on pages with scripts', () => {
    const { html, features } = render('<div onclick="x()">Calc</div>\n\n<script>\nrun()\n</script>');
    expect(features.scripts).toBe(1);
    expect(html).toMatch(
      /^<div class="offline-notice" role="note"><p><strong>The interactive part of this page is not available offline\./,
    );
    expect(html).toContain('<script>');
    expect(render('No script here').html).not.toContain('offline-notice');
  });

  it('renders footnotes, definition lists and abbreviations', () => {
    const { html } = render(
      'Text[^1] about HTML.\n\nTerm\n:   Definition\n\n*[HTML]: Hyper Text Markup Language\n\n[^1]: The note.',
    );
    expect(html).toContain('class="footnote-ref"');
    expect(html).toContain('<dl>\n<dt>Term</dt>\n<dd>Definition</dd>\n</dl>');
    expect(html).toContain('<abbr title="Hyper Text Markup Language">HTML</abbr>');
  });

  it('cuts pages over the size cap with a problem', () => {
    const r = renderPage('a'.repeat(MAX_RENDER_BYTES + 10), { pageId: 'big' });
    expect(r.problems[0]).toMatch(/larger than/);
  });

  it('stops inline parsing once the time budget is spent and says so', () => {
    const r = renderPage('# T\n\nSome *emphasis* here\n\nMore **bold**', { pageId: 'slow', budgetMs: -1 });
    expect(r.problems).toEqual([expect.stringMatching(/longer than -1 ms/)]);
    expect(r.html).toContain('Some *emphasis* here');
    expect(r.html).not.toContain('<em>');
  });

  it('finishes pathological nesting and delimiter runs', () => {
    const inputs = [
      '>'.repeat(5000) + ' x',
      '- '.repeat(3000) + 'x',
      '!!! note\n'.repeat(2000) + '    x',
      '*a **'.repeat(20000),
      '['.repeat(50000),
      '$'.repeat(50000) + 'x$',
      '=== "a"\n    '.repeat(500) + 'x',
    ];
    for (const src of inputs) expect(typeof renderPage(src, { pageId: 'p' }).html).toBe('string');
  });
});
