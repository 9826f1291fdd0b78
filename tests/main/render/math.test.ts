import { describe, expect, it } from 'vitest';
import { renderTex } from '../../../src/main/render/math';
import { render, textOf } from './render-helpers';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

describe('math (arithmatex rules, KaTeX)', () => {
  it('typesets inline $…$ and display $$…$$ blocks with KaTeX', () => {
    const { html, features } = render('Energy $E = mc^2$ here.\n\n$$\n\\frac{1}{2}\n$$');
    expect(html).toContain('<span class="arithmatex"><span class="katex">');
    expect(html).toContain('<math xmlns="http://www.w3.org/1998/Math/MathML"><mrow><mi>E</mi>');
    expect(html).not.toContain('<annotation');
    expect(html).toContain('<div class="arithmatex"><span class="katex-display">');
    expect(features.math).toBe(2);
  });

  it('leaves dollar amounts and $$$ cost ratings as text', () => {
    for (const src of [
      'It costs $123 per month.',
      'From $5 to $10 a day.',
      'Cost: $$$ (high)',
      'Pay $10K-$50K yearly',
      'Saves ($140k-250k+), Lead ($150k-280k+)',
      'A $ 5 $ b',
      'Shell `$HOME` and `$PATH`',
    ]) {
      const { html, features } = render(src);
      expect(features.math, src).toBe(0);
      expect(html).not.toContain('katex');
    }
    expect(textOf(render('Cost: $$$ or $$$$').html)).toBe('Cost: $$$ or $$$$');
  });

  it('does not treat escaped dollars as delimiters', () => {
    expect(render('\\$x$ and y').features.math).toBe(0);
  });

  it('typesets $$…$$ written inline or as a single line as display math', () => {
    expect(render('Result: $$a+b$$ done').html).toContain('arithmatex-display');
    expect(render('$$E = k_B T$$').html).toMatch(/^<div class="arithmatex">/);
  });

  it('shows TeX errors inline instead of throwing', () => {
    const { html } = render('Bad $\\frac{1}{$ formula');
    expect(html).toMatch(/katex-error|math-error/);
  });

  it('keeps trust off (no \\href, \\url, \\htmlClass) and bounds macro expansion', () => {
    const href = renderTex('\\href{javascript:alert(1)}{x}', false, esc);
    expect(href).not.toContain('href="javascript');
    expect(renderTex('\\htmlId{x}{y}', false, esc)).not.toContain('id="x"');
    const bomb =
      '\\def\\a{\\b\\b}\\def\\b{\\c\\c}\\def\\c{\\d\\d}\\def\\d{\\e\\e}\\def\\e{\\f\\f}\\def\\f{xx}' +
      '\\a'.repeat(50);
    expect(renderTex(bomb, true, esc)).toMatch(/error|Too many expansions/i);
  });
});
