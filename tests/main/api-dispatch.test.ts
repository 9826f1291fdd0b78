import { describe, expect, it } from 'vitest';
import { dispatch } from '../../src/main/api-dispatch';
import { ApiError, type DStudioApi } from '../../src/shared/contract';

const calls: unknown[][] = [];
const api = {
  content: {
    getPages: async (ids: string[]) => {
      calls.push(ids);
      return ids.map((id) => ({ id }));
    },
    resolveId: async () => {
      throw new ApiError('not-found', 'no such page');
    },
    getNav: async () => {
      throw new Error('disk on fire');
    },
  },
} as unknown as DStudioApi;

describe('dispatch', () => {
  it('validates arguments before a service sees them', async () => {
    expect(await dispatch(api, 'content', 'getPages', [['a']])).toEqual({ ok: true, value: [{ id: 'a' }] });
    const bad = await dispatch(api, 'content', 'getPages', [[42]]);
    expect(bad).toMatchObject({ ok: false, error: { code: 'bad-arguments' } });
    expect(await dispatch(api, 'content', 'getPages', 'not an array')).toMatchObject({
      ok: false,
      error: { code: 'bad-arguments' },
    });
    expect(await dispatch(api, 'content', 'getPages', [['a\u0000b']])).toMatchObject({ ok: false });
    expect(calls).toEqual([['a']]);
  });

  it('refuses unknown and prototype-chain methods', async () => {
    for (const [d, m] of [
      ['content', 'constructor'],
      ['__proto__', 'x'],
      ['content', 'toString'],
      ['nope', 'getPages'],
    ]) {
      expect(await dispatch(api, d!, m!, [])).toMatchObject({ ok: false, error: { code: 'not-found' } });
    }
  });

  it('turns service errors into error data, never a throw', async () => {
    expect(await dispatch(api, 'content', 'resolveId', ['x'])).toEqual({
      ok: false,
      error: { code: 'not-found', message: 'no such page' },
    });
    expect(await dispatch(api, 'content', 'getNav', [])).toEqual({
      ok: false,
      error: { code: 'internal', message: 'disk on fire' },
    });
  });
});
