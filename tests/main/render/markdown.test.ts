import { describe, expect, it } from 'vitest';
import { createMarkdown, type RenderEnv } from '../../../src/main/render/markdown';

const md = createMarkdown();

describe('createMarkdown', () => {
  it('keeps raw HTML for the renderer to sanitise, and leaves URLs and quotes as written', () => {
    expect(md.render('<div class="x">raw</div>')).toBe('<div class="x">raw</div>');
    expect(md.render('https://example.com "quotes" -- (c)')).toBe(
      '<p>https://example.com &quot;quotes&quot; -- (c)</p>\n',
    );
  });

  it('has every extension the corpus uses wired in', () => {
    const html = md.render(
      [
        '!!! note "N"',
        '    body',
        '',
        '=== "T"',
        '    tab',
        '',
        'Math $x^2$, :material-check: icon, ++ctrl+k++ keys, {{ page.title }} text, an HLC.[^1]',
        '',
        '*[HLC]: Hybrid Logical Clock',
        '',
        'Term',
        ':   Definition',
        '',
        '```mermaid',
        'graph TD',
        '```',
        '',
        '[^1]: Foot.',
      ].join('\n'),
    );
    for (const part of [
      '<div class="admonition note">',
      'class="tabbed-set',
      'class="katex',
      'data-icon="material-check"',
      '<kbd class="key-control">',
      '<span class="template-text">{{ page.title }}</span>',
      '<abbr title="Hybrid Logical Clock">HLC</abbr>',
      '<dt>Term</dt>',
      '<div class="mermaid-diagram">',
      'class="footnote-item"',
    ]) {
      expect(html).toContain(part);
    }
  });

  it('past the deadline, shows the rest of the page as plain text and says so in env', () => {
    const env: RenderEnv = { deadline: performance.now() - 1 };
    expect(md.render('**b** and *i*\n\nsecond `x`', env)).toBe('<p>**b** and *i*</p>\n<p>second `x`</p>\n');
    expect(env.overBudget).toBe(true);
  });

  it('parses inline Markdown normally within the deadline', () => {
    const env: RenderEnv = { deadline: performance.now() + 60_000 };
    expect(md.render('**b**', env)).toBe('<p><strong>b</strong></p>\n');
    expect(env.overBudget).toBeUndefined();
  });

  it('keeps an absurdly long paragraph as text instead of parsing it inline', () => {
    const html = md.render(`**x** ${'word '.repeat(25_000)}`);
    expect(html.startsWith('<p>**x** word')).toBe(true);
  });

  it('bounds nesting depth', () => {
    const html = md.render(`${'>'.repeat(200)} deep`);
    expect(html.match(/<blockquote>/g)!.length).toBeLessThanOrEqual(40);
  });
});
