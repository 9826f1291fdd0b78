import { describe, expect, it } from 'vitest';
import { admonitionBaseType } from '../../../src/main/render/admonitions';
import { render, textOf } from './render-helpers';

describe('admonitions', () => {
  it('renders !!! type "title" as a styled callout with icon, title and Markdown body', () => {
    const { html } = render(
      '!!! warning "Mind *this*"\n    Body with **bold**.\n\n    Second paragraph.\n\nAfter.',
    );
    expect(html).toMatch(/^<div class="admonition warning">/);
    expect(html).toContain('<p class="admonition-title"><svg class="admonition-icon"');
    expect(html).toContain('Mind <em>this</em></p>');
    expect(html).toContain(
      '<p>Body with <strong>bold</strong>.</p>\n<p>Second paragraph.</p>\n</div>\n<p>After.</p>',
    );
  });

  it('uses the capitalised type as the default title and no title for ""', () => {
    expect(render('!!! tip\n    x').html).toContain('Tip</p>');
    expect(render('!!! note ""\n    x').html).not.toContain('admonition-title');
  });

  it('renders ??? as closed <details> and ???+ as open', () => {
    const closed = render('??? question "Why?"\n    Because.').html;
    expect(closed).toMatch(/^<details class="admonition question">\n<summary class="admonition-title">/);
    expect(closed).not.toContain(' open');
    expect(render('???+ info "Open"\n    Body').html).toMatch(/^<details class="admonition info" open="">/);
  });

  it('styles custom and alias types with a base type and keeps extra classes', () => {
    expect(render('!!! experiment "Try"\n    x').html).toContain('class="admonition experiment"');
    expect(render('!!! hint\n    x').html).toContain('class="admonition hint tip"');
    expect(render('!!! bogus\n    x').html).toContain('class="admonition bogus note"');
    expect(render('!!! note inline end "T"\n    x').html).toContain('class="admonition note inline end"');
    expect(admonitionBaseType('star')).toBe('star');
  });

  it('takes bodies indented by fewer than 4 spaces (MkDocs shows an empty box)', () => {
    const { html } = render('!!! info "One space"\n - item one\n - item two\n\nOutside');
    expect(html).toContain('<ul>\n<li>item one</li>\n<li>item two</li>\n</ul>\n</div>');
    expect(html).toContain('</div>\n<p>Outside</p>');
  });

  it('takes a flush-left table or sentence written directly under the marker into the body', () => {
    const table = render(
      '!!! abstract "Facts"\n| Metric | Value |\n    |---|---|\n    | a | 1 |\n\nAfter',
    ).html;
    expect(table).toMatch(
      /<div class="admonition abstract">[\s\S]*<table>[\s\S]*<td>1<\/td>[\s\S]*<\/table>\n<\/div>\n<p>After<\/p>/,
    );
    const line = render('!!! info "Tier"\n**Available**\n\n## Next').html;
    expect(line).toContain('<p><strong>Available</strong></p>\n</div>\n<h2');
  });

  it('keeps code blocks and nested admonitions inside the body', () => {
    const { html } = render(
      '!!! note\n    ```python\n    x = 1\n    ```\n\n    !!! tip "Inner"\n        deep',
    );
    expect(html).toContain('<code class="language-python">x = 1\n</code>');
    expect(html).toMatch(/<div class="admonition tip">[\s\S]*deep[\s\S]*<\/div>\n<\/div>/);
  });

  it('leaves no literal markers in the text', () => {
    const text = textOf(render('!!! note "A"\n    a\n\n??? tip "B"\n    b\n\n???+ info\n  c').html);
    expect(text).not.toMatch(/!!!|\?\?\?/);
  });
});
