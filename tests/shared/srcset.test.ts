import { describe, expect, it } from 'vitest';
import { formatSrcset, parseSrcset } from '../../src/shared/srcset';

describe('srcset candidates', () => {
  it('splits URLs and descriptors as the HTML parser does', () => {
    expect(parseSrcset(' a.png 1x,b.png  2x ,\n c.png')).toEqual([
      { url: 'a.png', descriptor: '1x' },
      { url: 'b.png', descriptor: '2x' },
      { url: 'c.png', descriptor: '' },
    ]);
    // A comma inside a URL is part of it; a trailing one ends the candidate.
    expect(parseSrcset('data:image/png;base64,AAAA 1x, d.png, e.png 640w')).toEqual([
      { url: 'data:image/png;base64,AAAA', descriptor: '1x' },
      { url: 'd.png', descriptor: '' },
      { url: 'e.png', descriptor: '640w' },
    ]);
    expect(parseSrcset('')).toEqual([]);
    expect(parseSrcset(' , ,')).toEqual([]);
  });

  it('formats back to one value', () => {
    expect(formatSrcset(parseSrcset('a.png 1x,b.png 2x'))).toBe('a.png 1x, b.png 2x');
  });
});
