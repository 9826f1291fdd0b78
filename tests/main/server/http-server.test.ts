import { mkdtempSync, mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DStudioApi } from '../../../src/shared/contract';
import { ApiError } from '../../../src/shared/contract';
import { MAX_BODY_BYTES, startHttpServer, type RunningServer } from '../../../src/main/server/http-server';
import { UI_SECURITY_HEADERS } from '../../../src/main/server/csp';
import { createHttpApi } from '../../../src/renderer/src/http-api';
import { deriveApi } from '../../../src/shared/contract/derive';

/** A hand-written stand-in for the services: the transport is what is under test here. */
function fakeApi(calls: unknown[][]): DStudioApi {
  const notUsed = async () => {
    throw new Error('not used in this test');
  };
  return {
    // Every other domain: a method that says it is not used here.
    ...deriveApi(notUsed),
    content: {
      getStatus: async () => ({ pages: 2, aliases: 0, source: 'fake', commit: null, importedAt: null }),
      listPages: notUsed,
      getPages: async (ids) => {
        calls.push(['getPages', ids]);
        return [];
      },
      getNav: async () => [],
      resolveId: async (id) => {
        if (id === 'boom') throw new Error('exploded');
        if (id === 'gone') throw new ApiError('not-found', 'no such page');
        return id === 'alias' ? 'target' : null;
      },
    },
    search: {
      search: notUsed,
      quickSwitch: async (text, limit) => {
        calls.push(['quickSwitch', text, limit]);
        return [];
      },
      quickSwitchData: notUsed,
    },
    reports: {
      ...deriveApi(notUsed).reports,
      saveDraft: async (id, values) => {
        calls.push(['saveDraft', id, (values.lessons as string).length]);
        return { updatedAt: 'x' };
      },
    },
    user: {
      listBookmarks: async () => [],
      addBookmark: notUsed,
      removeBookmark: notUsed,
      recordVisit: notUsed,
      listHistory: notUsed,
      getReadingState: notUsed,
      listReadPageIds: notUsed,
      saveReadingState: notUsed,
      getSettings: async () => ({ theme: 'dark' }),
      setSetting: notUsed,
      exportAllData: notUsed,
      importAllData: async (text, mode) => {
        calls.push(['importAllData', text.length, mode]);
        return { mode, exportedAt: 'x', counts: {}, backupFile: 'b' };
      },
    },
  };
}

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A raw request, so the test controls the path, Host header and body byte for byte. */
function raw(
  server: RunningServer,
  opts: { method?: string; path: string; headers?: Record<string, string>; body?: string | Buffer },
): Promise<RawResponse> {
  return new Promise((done, fail) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: server.port,
        method: opts.method ?? 'GET',
        path: opts.path,
        headers: opts.headers,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          done({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
      },
    );
    req.on('error', fail);
    if (opts.body !== undefined) req.write(opts.body);
    req.end();
  });
}

describe('HTTP transport', () => {
  let server: RunningServer;
  let root: string;
  const calls: unknown[][] = [];
  const json = (token: string) => ({ 'content-type': 'application/json', 'x-dstudio-token': token });
  /** A contract call: POST with a JSON body, by default with the right token. */
  const post = (path: string, body: string | Buffer, headers: Record<string, string> = json(server.token)) =>
    raw(server, { method: 'POST', path, headers, body });

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dstudio-http-'));
    root = join(dir, 'ui');
    mkdirSync(join(root, 'assets'), { recursive: true });
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>ui</title>');
    writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1)');
    writeFileSync(join(dir, 'secret.txt'), 'outside the root');
    mkdirSync(join(root, '.hidden'));
    writeFileSync(join(root, '.hidden', 'x.txt'), 'hidden');
    server = await startHttpServer({ api: fakeApi(calls), staticRoot: root });
  });
  afterAll(() => server.close());

  it('listens on 127.0.0.1 only, with a random token in the URL it reports', async () => {
    expect(server.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(server.token.length).toBeGreaterThanOrEqual(32);
    expect(new URL(server.url).searchParams.get('token')).toBe(server.token);
    const other = await startHttpServer({ api: fakeApi([]), staticRoot: root });
    expect(other.token).not.toBe(server.token);
    await other.close();
  });

  it('answers a contract call with the JSON result of dispatch', async () => {
    const res = await post('/api/content/resolveId', '["alias"]');
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toEqual({ ok: true, value: 'target' });
    expect(res.headers['content-type']).toMatch(/application\/json/);
  });

  it('accepts the token as a query parameter too', async () => {
    const res = await post(`/api/user/getSettings?token=${encodeURIComponent(server.token)}`, '[]', {
      'content-type': 'application/json',
    });
    expect(JSON.parse(res.body)).toEqual({ ok: true, value: { theme: 'dark' } });
  });

  it('refuses a missing or wrong token with 403 and never calls the service', async () => {
    const before = calls.length;
    for (const headers of [
      { 'content-type': 'application/json' },
      json('wrong'),
      json(server.token + 'x'),
      json(server.token.slice(1)),
    ]) {
      const res = await raw(server, {
        method: 'POST',
        path: '/api/content/getPages',
        headers,
        body: '[["a"]]',
      });
      expect(res.status).toBe(403);
      expect(JSON.parse(res.body).error.code).toBe('forbidden');
    }
    expect(calls.length).toBe(before);
  });

  it('maps validation, unknown methods and service errors to status codes with readable messages', async () => {
    const bad = await post('/api/content/getPages', '[42]');
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body).error.message).toMatch(/Bad arguments for content.getPages/);
    const unknown = await post('/api/content/dropTables', '[]');
    expect(unknown.status).toBe(404);
    const proto = await post('/api/__proto__/toString', '[]');
    expect(proto.status).toBe(404);
    const thrown = await post('/api/content/resolveId', '["boom"]');
    expect(thrown.status).toBe(500);
    expect(JSON.parse(thrown.body).error).toEqual({ code: 'internal', message: 'exploded' });
    const missing = await post('/api/content/resolveId', '["gone"]');
    expect(missing.status).toBe(404);
    expect(JSON.parse(missing.body).error.code).toBe('not-found');
  });

  it('rejects bad JSON, a non-JSON content type, other methods and oversized bodies', async () => {
    const badJson = await post('/api/user/getSettings', '[');
    expect(badJson.status).toBe(400);
    const form = await post('/api/user/getSettings', '[]', {
      'content-type': 'application/x-www-form-urlencoded',
      'x-dstudio-token': server.token,
    });
    expect(form.status).toBe(415);
    const get = await raw(server, {
      method: 'GET',
      path: '/api/user/getSettings',
      headers: { 'x-dstudio-token': server.token },
    });
    expect(get.status).toBe(405);
    // A declared length over the limit is refused from the headers, before any body is read.
    const huge = await raw(server, {
      method: 'POST',
      path: '/api/content/getPages',
      // The body is never sent: the connection must not go back to the pool owing it.
      headers: { ...json(server.token), 'content-length': String(MAX_BODY_BYTES + 10), connection: 'close' },
    });
    expect(huge.status).toBe(413);
    expect(JSON.parse(huge.body).error.message).toMatch(/larger than/);
  });

  it('takes a whole backup file, larger than other calls may send, only for the document calls', async () => {
    const text = 'x'.repeat(MAX_BODY_BYTES * 2);
    const res = await post('/api/user/importAllData', JSON.stringify([text, 'merge']));
    expect(res.status).toBe(200);
    expect(calls.at(-1)).toEqual(['importAllData', text.length, 'merge']);
  });

  it('takes a report draft larger than other calls may send: a field pasted far over its limit is still saved', async () => {
    const lessons = 'y'.repeat(MAX_BODY_BYTES + 10);
    const res = await post('/api/reports/saveDraft', JSON.stringify(['d1', { lessons }]));
    expect(res.status).toBe(200);
    expect(calls.at(-1)).toEqual(['saveDraft', 'd1', lessons.length]);
  });

  it('cuts off a streamed body that grows past the limit, without calling the service', async () => {
    const before = calls.length;
    // No content-length (chunked): the server learns the size only while reading, and answers 413 then.
    const outcome = await post('/api/content/getPages', Buffer.alloc(MAX_BODY_BYTES * 2, 0x20)).then(
      (res) => `status ${res.status}`,
      (e: NodeJS.ErrnoException) => e.code,
    );
    expect(outcome).toBe('status 413');
    expect(calls.length).toBe(before);
    const after = await post('/api/content/resolveId', '["alias"]');
    expect(after.status).toBe(200);
  });

  it('refuses requests whose Host header is not the loopback address (DNS rebinding)', async () => {
    const res = await raw(server, { path: '/', headers: { host: `evil.example:${server.port}` } });
    expect(res.status).toBe(403);
    const ok = await raw(server, { path: '/', headers: { host: `localhost:${server.port}` } });
    expect(ok.status).toBe(200);
  });

  it('serves the UI with the strict CSP and other security headers', async () => {
    const res = await raw(server, { path: '/' });
    expect(res.status).toBe(200);
    expect(res.body).toContain('<title>ui</title>');
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers).toMatchObject(UI_SECURITY_HEADERS);
    const js = await raw(server, { path: '/assets/app.js' });
    expect(js.status).toBe(200);
    expect(js.headers['content-type']).toMatch(/text\/javascript/);
  });

  it('answers files from memory after the first read, and a file rebuilt since from disk', async () => {
    const file = join(root, 'assets', 'rebuilt.js');
    writeFileSync(file, 'console.log("first build")');
    expect((await raw(server, { path: '/assets/rebuilt.js' })).body).toBe('console.log("first build")');
    expect((await raw(server, { path: '/assets/rebuilt.js' })).body).toBe('console.log("first build")');
    writeFileSync(file, 'console.log("second build, longer")');
    utimesSync(file, new Date(), new Date(Date.now() + 5000));
    const again = await raw(server, { path: '/assets/rebuilt.js' });
    expect(again.body).toBe('console.log("second build, longer")');
    expect(Number(again.headers['content-length'])).toBe(again.body.length);
    const head = await raw(server, { path: '/assets/rebuilt.js', method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(Number(head.headers['content-length'])).toBe(again.body.length);
  });

  it('never serves a file outside its root, however the path is spelt', async () => {
    const attempts = [
      '/../secret.txt',
      '/assets/../../secret.txt',
      '/%2e%2e/secret.txt',
      '/%2E%2E%2Fsecret.txt',
      '/assets/%2e%2e/%2e%2e/secret.txt',
      '/..%5csecret.txt',
      '/assets%5c..%5c..%5csecret.txt',
      '/%00index.html',
      '/.hidden/x.txt',
      `/${resolve(root, '..', 'secret.txt')}`,
      '//etc/passwd',
      '/C:/Windows/win.ini',
      '/%',
      '/assets',
    ];
    for (const path of attempts) {
      const res = await raw(server, { path });
      expect(res.status, path).toBe(404);
      expect(res.body, path).not.toContain('outside the root');
    }
  });

  it("is reached by the renderer's HTTP client, derived from the contract", async () => {
    const api = createHttpApi(server.origin, server.token, (url, init) => fetch(url, init));
    expect(await api.content.resolveId('alias')).toBe('target');
    expect(await api.user.getSettings()).toEqual({ theme: 'dark' });
    // A trailing optional argument left out must not reach the schema as null.
    await api.search.quickSwitch('cb');
    expect(calls.at(-1)).toEqual(['quickSwitch', 'cb', undefined]);
    await expect(api.content.resolveId('gone')).rejects.toMatchObject({
      name: 'ApiError',
      code: 'not-found',
      message: 'no such page',
    });
    const wrong = createHttpApi(server.origin, 'nope', (url, init) => fetch(url, init));
    await expect(wrong.content.getStatus()).rejects.toMatchObject({ code: 'forbidden' });
    const offline = createHttpApi('http://127.0.0.1:1', server.token, (url, init) => fetch(url, init));
    await expect(offline.content.getStatus()).rejects.toThrow(/Cannot reach the DStudio server/);
  });
});
