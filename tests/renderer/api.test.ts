import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { SettingValue } from '../../src/shared/contract';
import { deriveApi } from '../../src/shared/contract/derive';
import { startHttpServer, type RunningServer } from '../../src/main/server/http-server';

type ApiModule = typeof import('../../src/renderer/src/api');

/** Calls the server received, as `domain.method`. */
const received: string[] = [];
let server: RunningServer;
let mod: ApiModule;

beforeAll(async () => {
  // Every read answers with how many calls the server has seen, so a reused answer shows.
  const services = deriveApi(async (domain, method) => {
    received.push(`${domain}.${method}`);
    if (method === 'getSettings') return { seen: received.length } satisfies Record<string, SettingValue>;
    if (method === 'getPages') return [];
    throw new Error(`not used in this test: ${domain}.${method}`);
  });
  server = await startHttpServer({
    api: services,
    staticRoot: mkdtempSync(join(tmpdir(), 'dstudio-api-test-')),
  });
  // The renderer as `dstudio serve` opens it: no preload bridge, the token in the address.
  vi.stubGlobal('window', {
    location: { origin: server.origin, search: `?token=${server.token}` },
    fetch: (url: string, init: RequestInit) => fetch(url, init),
  });
  mod = await import('../../src/renderer/src/api');
});

afterAll(async () => {
  vi.unstubAllGlobals();
  await server.close();
});

describe('renderer api over HTTP, with prefetched start-up reads', () => {
  it('gives the first matching call the prefetched answer, without asking again', async () => {
    received.length = 0;
    const early = mod.prefetch.user.getSettings();
    expect(await mod.api.user.getSettings()).toEqual({ seen: 1 });
    expect(await early).toEqual({ seen: 1 });
    expect(received).toEqual(['user.getSettings']);
  });

  it('asks again for a later call: a prefetched answer is taken once', async () => {
    received.length = 0;
    void mod.prefetch.user.getSettings();
    await mod.api.user.getSettings();
    expect(await mod.api.user.getSettings()).toEqual({ seen: 2 });
    expect(received).toEqual(['user.getSettings', 'user.getSettings']);
  });

  it('matches on the arguments too', async () => {
    received.length = 0;
    void mod.prefetch.content.getPages(['a']);
    await mod.api.content.getPages(['b']);
    await mod.api.content.getPages(['a']);
    expect(received).toEqual(['content.getPages', 'content.getPages']);
  });

  it('does not hand out an answer left untaken past the start-up', async () => {
    received.length = 0;
    void mod.prefetch.user.getSettings();
    const now = performance.now();
    const clock = vi.spyOn(performance, 'now').mockReturnValue(now + 60_000);
    try {
      expect(await mod.api.user.getSettings()).toEqual({ seen: 2 });
    } finally {
      clock.mockRestore();
    }
  });
});
