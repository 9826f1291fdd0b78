import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerApiHandlers } from '../../../src/main/electron/ipc-registration';
import { importStarterContentIfEmpty } from '../../../src/main/electron/starter-content';
import { startHttpServer, type RunningServer } from '../../../src/main/server/http-server';
import { openServices, type Services } from '../../../src/main/services';
import { createBridgeApi } from '../../../src/preload/bridge-api';
import { createHttpApi } from '../../../src/renderer/src/http-api';
import { bridgeCaller } from '../../../src/renderer/src/ipc-api';
import { ApiError, type DStudioApi } from '../../../src/shared/contract';
import { deriveApi } from '../../../src/shared/contract/derive';
import {
  apiPath,
  errorResult,
  isApiPath,
  isWireResult,
  parseApiPath,
  unwrapResult,
} from '../../../src/shared/contract/wire';
import { STARTER_CORPUS } from '../../helpers/corpus';
import { IpcRecorder } from '../../helpers/ipc-recorder';

describe('the wire envelope', () => {
  it('accepts only well-formed answers', () => {
    expect(isWireResult({ ok: true, value: 1 })).toBe(true);
    // JSON drops an undefined value: a method that returns nothing still answers ok.
    expect(isWireResult(JSON.parse(JSON.stringify({ ok: true, value: undefined })))).toBe(true);
    expect(isWireResult({ ok: false, error: { code: 'not-found', message: 'x' } })).toBe(true);
    for (const odd of [
      null,
      'ok',
      { ok: 'true' },
      { ok: false },
      { ok: false, error: { code: 'teapot', message: 'x' } },
      { ok: false, error: { code: 'internal' } },
    ])
      expect(isWireResult(odd), JSON.stringify(odd)).toBe(false);
  });

  it('turns a thrown error into an envelope, keeping an ApiError code', () => {
    expect(errorResult(new ApiError('not-found', 'gone'))).toEqual({
      ok: false,
      error: { code: 'not-found', message: 'gone' },
    });
    expect(errorResult(new Error('exploded'))).toEqual({
      ok: false,
      error: { code: 'internal', message: 'exploded' },
    });
  });

  it('unwraps a value, throws an ApiError for an error or a stranger', () => {
    expect(unwrapResult({ ok: true, value: 3 }, 'x.y')).toBe(3);
    expect(() => unwrapResult({ ok: false, error: { code: 'forbidden', message: 'no' } }, 'x.y')).toThrow(
      expect.objectContaining({ name: 'ApiError', code: 'forbidden', message: 'no' }),
    );
    expect(() => unwrapResult(42, 'x.y')).toThrow(/unexpected answer to x\.y/);
  });
});

describe('API paths', () => {
  it('builds and parses /api/<domain>/<method>', () => {
    expect(apiPath('content', 'getStatus')).toBe('/api/content/getStatus');
    expect(parseApiPath(apiPath('search', 'quickSwitch'))).toEqual({
      domain: 'search',
      method: 'quickSwitch',
    });
    expect(parseApiPath('/api/a%2Fb/c')).toEqual({ domain: 'a/b', method: 'c' });
  });

  it('refuses other shapes and broken escapes', () => {
    for (const path of [
      '/api',
      '/api/',
      '/api/content',
      '/api/a/b/c',
      '/apix/a/b',
      '/api/%/x',
      '/assets/a.js',
    ])
      expect(parseApiPath(path), path).toBeNull();
    expect(isApiPath('/api')).toBe(true);
    expect(isApiPath('/api/anything')).toBe(true);
    expect(isApiPath('/apiary')).toBe(false);
  });
});

describe('one failing call through each transport', () => {
  let services: Services;
  let server: RunningServer;
  let overIpc: DStudioApi;
  let overHttp: DStudioApi;

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dstudio-wire-'));
    await importStarterContentIfEmpty(join(dir, 'content.db'), STARTER_CORPUS);
    services = openServices({ contentDb: join(dir, 'content.db'), userDb: join(dir, 'user.db') });
    // The real services, except one method that fails the two ways a service can.
    const api = deriveApi(async (domain, method, args) => {
      if (domain === 'content' && method === 'resolveId') {
        if (args[0] === 'gone') throw new ApiError('not-found', 'No page "gone"');
        throw new Error('exploded');
      }
      const service = services.api[domain] as unknown as Record<
        string,
        (...a: unknown[]) => Promise<unknown>
      >;
      return service[method]!(...args);
    });
    const ipc = new IpcRecorder<null>();
    registerApiHandlers(ipc, api, () => true);
    overIpc = deriveApi(
      bridgeCaller(createBridgeApi((channel, ...args) => ipc.invoke(null, channel, ...args))),
    );
    server = await startHttpServer({ api, staticRoot: dir });
    overHttp = createHttpApi(server.origin, server.token, (url, init) => fetch(url, init));
  });
  afterAll(async () => {
    await server.close();
    services.close();
  });

  /** What a failed call throws, as plain data. */
  async function failureOf(call: (api: DStudioApi) => Promise<unknown>, api: DStudioApi) {
    const e = await call(api).then(
      () => null,
      (thrown: unknown) => thrown,
    );
    expect(e).toBeInstanceOf(ApiError);
    const { name, code, message } = e as ApiError;
    return { name, code, message };
  }

  const CALLS: [string, string, (api: DStudioApi) => Promise<unknown>][] = [
    [
      'bad arguments',
      'bad-arguments',
      (api) => (api.content.getPages as unknown as (x: unknown) => Promise<unknown>)(42),
    ],
    ['a service error with a code', 'not-found', (api) => api.content.resolveId('gone')],
    ['any other service error', 'internal', (api) => api.content.resolveId('boom')],
  ];

  it.each(CALLS)('%s: the same ApiError over IPC and over HTTP', async (_label, code, call) => {
    const ipc = await failureOf(call, overIpc);
    const http = await failureOf(call, overHttp);
    expect(ipc).toEqual(http);
    expect(ipc.code).toBe(code);
    expect(ipc.message.length).toBeGreaterThan(0);
  });

  it('answers the same value over both transports when the call succeeds', async () => {
    expect(await overIpc.content.getStatus()).toEqual(await overHttp.content.getStatus());
  });
});
