import { describe, expect, it } from 'vitest';
import {
  parseWindowState,
  restoreBounds,
  restoreUrl,
  DEFAULT_SIZE,
} from '../../../src/main/electron/window-state';

const primary = { x: 0, y: 0, width: 1920, height: 1040 };
const right = { x: 1920, y: 0, width: 2560, height: 1400 };

describe('restoreBounds', () => {
  it('puts the window back where it was when that display is still there', () => {
    const saved = { x: 2000, y: 100, width: 1400, height: 900 };
    expect(restoreBounds(saved, [primary, right], primary)).toEqual(saved);
  });

  it('centres the default size on the primary display when the monitor it was on is gone', () => {
    const saved = { x: 2000, y: 100, width: 1400, height: 900 };
    expect(restoreBounds(saved, [primary], primary)).toEqual({
      ...DEFAULT_SIZE,
      x: (1920 - DEFAULT_SIZE.width) / 2,
      y: (1040 - DEFAULT_SIZE.height) / 2,
    });
  });

  it('shrinks and moves a window that no longer fits onto the display it overlaps', () => {
    const saved = { x: 1700, y: -50, width: 3000, height: 2000 };
    expect(restoreBounds(saved, [primary], primary)).toEqual({ x: 0, y: 0, width: 1920, height: 1040 });
  });

  it('a small screen gets a window no larger than itself', () => {
    const small = { x: 0, y: 0, width: 1024, height: 700 };
    expect(restoreBounds(null, [small], small)).toEqual({ x: 0, y: 0, width: 1024, height: 700 });
  });
});

describe('parseWindowState', () => {
  it('reads what was saved, keeping only a page route', () => {
    const text = JSON.stringify({
      bounds: { x: 1, y: 2, width: 800, height: 600 },
      maximized: true,
      route: '#/page/a/b?h=c',
    });
    expect(parseWindowState(text)).toEqual({
      bounds: { x: 1, y: 2, width: 800, height: 600 },
      maximized: true,
      route: '#/page/a/b?h=c',
    });
    expect(parseWindowState(text.replace('#/page/a/b?h=c', 'javascript:x'))?.route).toBeNull();
  });

  it.each([
    null,
    '',
    '{',
    '[]',
    '{"bounds":{"x":"1","y":0,"width":1,"height":1}}',
    '{"bounds":{"x":0,"y":0,"width":0,"height":5}}',
  ])('treats %s as nothing saved', (text) => expect(parseWindowState(text)).toBeNull());
});

describe('restoreUrl', () => {
  it('opens the last page, and the entry page otherwise', () => {
    expect(restoreUrl('app://dstudio/index.html', '#/page/a')).toBe('app://dstudio/index.html#/page/a');
    expect(restoreUrl('app://dstudio/index.html', '#/catalogue')).toBe('app://dstudio/index.html');
    expect(restoreUrl('app://dstudio/index.html', null)).toBe('app://dstudio/index.html');
  });
});
