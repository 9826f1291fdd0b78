import { describe, expect, it } from 'vitest';
import { iconHtml, materialIconPath, UNKNOWN_ICON_PATH } from '../../../src/main/render/icons';
import { render, textOf } from './render-helpers';

describe('icons', () => {
  it('renders :material-…: as inline SVG from the bundled set, with { .class } lists applied', () => {
    const { html } = render('- :material-clock-fast:{ .lg .middle } **Fast**');
    expect(html).toContain(
      '<span class="twemoji lg middle" data-icon="material-clock-fast"><svg class="mdi" viewBox="0 0 24 24"',
    );
    expect(html).toContain(`<path d="${materialIconPath('clock-fast')}">`);
    expect(textOf(html)).toBe('Fast');
  });

  it('renders :octicons-name-size: at its size', () => {
    const html = render('Go :octicons-arrow-right-24: on').html;
    expect(html).toContain('data-icon="octicons-arrow-right-24"><svg class="octicon" viewBox="0 0 24 24"');
  });

  it('shows a neutral placeholder for names the sets do not have, never the literal shortcode', () => {
    const html = render(':material-icon: and :octicons-nope-16:').html;
    expect(html.match(/icon-unknown/g)).toHaveLength(2);
    expect(textOf(html)).toBe('and');
    // A small dot, not the rounded square that read as an unchecked checkbox.
    expect(html.match(new RegExp(`<path d="${UNKNOWN_ICON_PATH}">`, 'g'))).toHaveLength(2);
    expect(html).not.toContain(materialIconPath('square-rounded-outline'));
    expect(render(':material-quiz: Quiz').html).toContain('data-icon="material-quiz"');
  });

  it('does not touch ordinary colons or icons inside code', () => {
    expect(render('Time 10:30: done').html).toBe('<p>Time 10:30: done</p>\n');
    expect(render('`:material-clock:`').html).toBe('<p><code>:material-clock:</code></p>\n');
    expect(iconHtml('material', 'check')).toContain('<svg');
  });
});
