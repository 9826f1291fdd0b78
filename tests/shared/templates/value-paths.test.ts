import { describe, expect, it } from 'vitest';
import { emptyValues, validateValues, valueAt } from '../../../src/shared/templates';
import { migrationStoryTemplate as schema } from '../../../src/shared/templates/migration-story';

describe('valueAt: the value an issue path names', () => {
  const values = {
    ...emptyValues(schema),
    title: 'Orders to sagas',
    alternatives: [{ name: 'Keep 2PC', pros: '', cons: 'Locks' }],
  };

  it('reads top-level fields, group fields and list entries', () => {
    expect(valueAt(values, 'title')).toBe('Orders to sagas');
    expect(valueAt(values, 'alternatives.0.cons')).toBe('Locks');
    expect(valueAt(values, 'alternatives')).toEqual(values.alternatives);
    expect(valueAt(values, '')).toBe(values);
  });

  it('is undefined for what is absent, never throws', () => {
    expect(valueAt(values, 'alternatives.3.name')).toBeUndefined();
    expect(valueAt(values, 'title.length.x')).toBeUndefined();
    expect(valueAt({}, 'outcomes.latency')).toBeUndefined();
  });

  it('addresses every path validation reports', () => {
    for (const issue of validateValues(schema, values))
      expect(valueAt(values, issue.path)).not.toBeUndefined();
  });
});
