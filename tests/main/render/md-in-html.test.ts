import { describe, expect, it } from 'vitest';
import { render } from './render-helpers';

describe('markdown inside HTML', () => {
  it('renders Markdown inside <div … markdown> and drops the attribute', () => {
    const { html } = render(
      '<div class="grid cards" markdown>\n- **One**\n\n    ---\n\n    Text\n- [x] Two\n</div>\n\nAfter',
    );
    expect(html).toMatch(/^<div class="grid cards">\n<ul>/);
    expect(html).toContain('<strong>One</strong>');
    expect(html).toContain('<hr>');
    expect(html).toContain('data-task-index="0" checked');
    expect(html).toContain('</ul>\n</div>\n<p>After</p>');
  });

  it('handles nested markdown blocks and leaves plain HTML blocks alone', () => {
    const nested = render('<div class="a" markdown>\n<div class="b" markdown>\n*in*\n</div>\n</div>').html;
    expect(nested).toBe('<div class="a">\n<div class="b">\n<p><em>in</em></p>\n</div>\n</div>\n');
    expect(render('<div class="x">\n*raw*\n</div>').html).toBe('<div class="x">\n*raw*\n</div>');
  });
});
