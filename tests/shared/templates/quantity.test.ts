import { describe, expect, it } from 'vitest';
import { parseQuantity } from '../../../src/shared/templates';

describe('parseQuantity', () => {
  it.each([
    ['50K req/s', 50_000, 'requests per second'],
    ['1.2M requests/day', 1_200_000, 'requests per day'],
    ['2,500,000 requests per day', 2_500_000, 'requests per day'],
    ['3B events/day at peak', 3e9, 'messages per day'],
    ['~300 nodes', 300, 'nodes'],
    ['40k rps', 40_000, 'requests per second'],
  ])('reads %s', (text, value, unit) => {
    expect(parseQuantity(text, 'scale')).toMatchObject({ value, unit });
  });

  it('reads durations and says them in months', () => {
    expect(parseQuantity('2 years', 'duration')).toEqual({
      value: 2,
      unit: 'years',
      reading: '2 years (about 24 months)',
    });
    expect(parseQuantity('18 months', 'duration')?.reading).toBe('18 months');
    expect(parseQuantity('6 wks', 'duration')?.unit).toBe('weeks');
  });

  it.each([
    ['lots', 'scale'],
    ['50K', 'scale'],
    ['2 parsecs', 'duration'],
    ['req/s 50', 'scale'],
    ['', 'duration'],
  ] as const)('refuses %j as %s', (text, kind) => {
    expect(parseQuantity(text, kind)).toBeNull();
  });
});
