import { describe, expect, it } from 'vitest';
import { render, textOf } from './render-helpers';

describe('content tabs', () => {
  const md = '=== "Python"\n    ```python\n    print(1)\n    ```\n\n=== "Go"\n    Go *text*\n\nAfter';

  it('groups consecutive === blocks into one accessible tab set', () => {
    const { html } = render(md);
    expect(html.match(/class="tabbed-set"/g)).toHaveLength(1);
    expect(html).toContain('role="tablist"');
    expect(html).toContain(
      '<button type="button" role="tab" id="__tabbed_1_1-tab" aria-controls="__tabbed_1_1" aria-selected="true" tabindex="0">Python</button>',
    );
    expect(html).toContain('aria-selected="false" tabindex="-1">Go</button>');
    expect(html).toContain(
      'role="tabpanel" id="__tabbed_1_1" aria-labelledby="__tabbed_1_1-tab" tabindex="0">',
    );
    expect(html).toMatch(
      /id="__tabbed_1_2" aria-labelledby="__tabbed_1_2-tab" tabindex="0" hidden="">\n<p>Go <em>text<\/em><\/p>/,
    );
    expect(html).toContain('</div>\n</div>\n<p>After</p>');
  });

  it('shows the first panel without JavaScript (only the others are hidden)', () => {
    const panels = render(md).html.match(/<div class="tabbed-block"[^>]*>/g)!;
    expect(panels[0]).not.toContain('hidden');
    expect(panels[1]).toContain('hidden');
  });

  it('selects a ===+ tab and starts a new set at ===!', () => {
    const sel = render('=== "A"\n    a\n=== "B"\n    b\n===+ "C"\n    c').html;
    expect(sel).toContain('aria-selected="true" tabindex="0">C</button>');
    const two = render('=== "A"\n    a\n\n===! "B"\n    b').html;
    expect(two.match(/class="tabbed-set"/g)).toHaveLength(2);
    expect(two).toContain('id="__tabbed_2_1"');
  });

  it('takes tab bodies indented by one space', () => {
    const { html } = render('=== "Micro"\n - [Mesh](../mesh/) - Istio\n\n=== "Events"\n - [CQRS](../cqrs/)');
    expect(html).toContain('<li><a href="../mesh/" data-link="0">Mesh</a> - Istio</li>');
    expect(textOf(html)).not.toContain('=== "');
  });
});
