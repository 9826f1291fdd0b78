import { describe, expect, it } from 'vitest';
import { keyLabel } from '../../../src/main/render/keys';
import { render } from './render-helpers';

describe('keys', () => {
  it('renders ++ctrl+k++ as a <kbd> combination', () => {
    expect(render('Press ++ctrl+k++ now').html).toBe(
      '<p>Press <span class="keys"><kbd class="key-ctrl">Ctrl</kbd><span class="key-sep">+</span><kbd class="key-k">K</kbd></span> now</p>\n',
    );
  });

  it('names special keys', () => {
    expect(keyLabel('alt')).toBe('Alt');
    expect(keyLabel('left')).toBe('←');
    expect(keyLabel('question')).toBe('?');
    expect(keyLabel('page-up')).toBe('Page Up');
    expect(keyLabel('f5')).toBe('F5');
  });

  it('leaves C++ and lone plus signs alone', () => {
    expect(render('C++ and C++ or a ++ b').html).toBe('<p>C++ and C++ or a ++ b</p>\n');
  });
});
