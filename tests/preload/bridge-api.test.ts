import { describe, expect, it } from 'vitest';
import { createBridgeApi } from '../../src/preload/bridge-api';
import { API_METHODS, channelOf, type Domain } from '../../src/shared/contract';

describe('createBridgeApi', () => {
  it('exposes exactly the contract methods, frozen, and nothing that reaches IPC directly', () => {
    const api = createBridgeApi(async () => ({ ok: true, value: null }));
    expect(Object.keys(api).sort()).toEqual(Object.keys(API_METHODS).sort());
    for (const domain of Object.keys(API_METHODS) as Domain[]) {
      const methods = api[domain] as unknown as Record<string, unknown>;
      expect(Object.keys(methods).sort()).toEqual([...API_METHODS[domain]].sort());
      for (const m of Object.values(methods)) expect(typeof m).toBe('function');
      expect(Object.isFrozen(methods)).toBe(true);
    }
    expect(Object.isFrozen(api)).toBe(true);
    // Key by key: a domain name merely ending in "on" (evolution) is not an `on` listener.
    for (const key of Object.keys(api)) expect(key).not.toMatch(/ipc|invoke|send|^on$/i);
  });

  it("sends each call on its derived channel with its arguments, and hands back main's envelope", async () => {
    const calls: unknown[][] = [];
    const api = createBridgeApi(async (channel, ...args) => {
      calls.push([channel, ...args]);
      return { ok: true, value: { echoed: args } };
    });
    expect(await api.search.quickSwitch('sagg', 5)).toEqual({ ok: true, value: { echoed: ['sagg', 5] } });
    await api.user.listHistory(10);
    expect(calls).toEqual([
      [channelOf('search', 'quickSwitch'), 'sagg', 5],
      [channelOf('user', 'listHistory'), 10],
    ]);
  });

  it("passes main's error on with its code, and turns an answer of the wrong shape into an internal error", async () => {
    const error = { code: 'not-found', message: 'No page "x"' } as const;
    const failing = createBridgeApi(async () => ({ ok: false, error }));
    expect(await failing.content.getPages(['x'])).toEqual({ ok: false, error });
    const odd = createBridgeApi(async () => 'surprise');
    expect(await odd.content.getStatus()).toEqual({
      ok: false,
      error: { code: 'internal', message: expect.stringMatching(/unexpected answer to content\.getStatus/) },
    });
  });
});
