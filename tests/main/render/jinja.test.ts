import { describe, expect, it } from 'vitest';
import { render } from './render-helpers';

describe('template text', () => {
  it('shows Jinja expressions, tags and comments as written', () => {
    const { html } = render('Hi {{ user.name }} {% if x %}yes{% endif %} {# note #} {{ $labels.instance }}');
    expect(html).toContain('<span class="template-text">{{ user.name }}</span>');
    expect(html).toContain(
      '<span class="template-text">{% if x %}</span>yes<span class="template-text">{% endif %}</span>',
    );
    expect(html).toContain('{# note #}');
    expect(html).toContain('{{ $labels.instance }}');
    expect(html).not.toContain('katex');
  });
});
