import { describe, expect, it } from 'vitest';
import { keyLabel } from '../../../src/main/render/keys';
import { render } from './render-helpers';

describe('keys', () => {
  it('renders ++ctrl+k++ as a <kbd> combination', () => {
    expect(render('Press ++ctrl+k++ now').html).toBe(
      '<p>Press <span class="keys"><kbd class="key-control">⌃ Ctrl</kbd><span class="key-sep">+</span><kbd class="key-k">K</kbd></span> now</p>\n',
    );
  });

  it('names keys as the pymdownx key map does, with the symbol the site draws before some', () => {
    expect(keyLabel('alt')).toBe('⎇ Alt');
    expect(keyLabel('arrow-left')).toBe('← Left');
    expect(keyLabel('left')).toBe('← Left');
    expect(keyLabel('del')).toBe('⌦ Del');
    expect(keyLabel('cmd')).toBe('⌘ Cmd');
    expect(keyLabel('question')).toBe('?');
    expect(keyLabel('page-up')).toBe('⇞ Page Up');
    expect(keyLabel('print-screen')).toBe('Print Screen');
    expect(keyLabel('f5')).toBe('F5');
  });

  it('renders ++ctrl+alt+del++ with each alias resolved to its key class', () => {
    expect(render('++ctrl+alt+del++').html).toBe(
      '<p><span class="keys"><kbd class="key-control">⌃ Ctrl</kbd><span class="key-sep">+</span><kbd class="key-alt">⎇ Alt</kbd><span class="key-sep">+</span><kbd class="key-delete">⌦ Del</kbd></span></p>\n',
    );
  });

  it('leaves C++ and lone plus signs alone', () => {
    expect(render('C++ and C++ or a ++ b').html).toBe('<p>C++ and C++ or a ++ b</p>\n');
  });
});
