import { describe, expect, it } from 'vitest';
import { kbText, percentDone, shortSha, whenText } from '../../../src/renderer/src/stores/update-words';

describe('update words', () => {
  it('writes commits, sizes and missing dates', () => {
    expect(shortSha('0123456789abcdef')).toBe('0123456');
    expect(shortSha(null)).toBe('local content');
    expect(whenText(undefined)).toBe('unknown date');
    expect(whenText('2026-12-05T10:00:00Z')).toMatch(/2026/);
    expect([kbText(1536), kbText(10_240), kbText(204_800)]).toEqual(['1.5 KB', '10 KB', '200 KB']);
  });

  it('gives the downloaded share only once the total is known, never above 100', () => {
    expect(percentDone(null)).toBeNull();
    expect(percentDone({ bytesDone: 5, bytesTotal: 0 })).toBeNull();
    expect(percentDone({ bytesDone: 1, bytesTotal: 3 })).toBe(33);
    expect(percentDone({ bytesDone: 9, bytesTotal: 3 })).toBe(100);
  });
});
