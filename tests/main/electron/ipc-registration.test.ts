import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, APP_ORIGIN } from '../../../src/main/electron/app-protocol';
import {
  isTrustedSender,
  registerApiHandlers,
  type SenderInfo,
} from '../../../src/main/electron/ipc-registration';
import { importStarterContentIfEmpty } from '../../../src/main/electron/starter-content';
import { openServices, type Services } from '../../../src/main/services';
import { createBridgeApi } from '../../../src/preload/bridge-api';
import { bridgeCaller } from '../../../src/renderer/src/ipc-api';
import { API_METHODS, channelOf, type DStudioApi, type Domain } from '../../../src/shared/contract';
import { deriveApi } from '../../../src/shared/contract/derive';
import type { WireResult } from '../../../src/shared/contract/wire';
import { STARTER_CORPUS } from '../../helpers/corpus';
import { IpcRecorder } from '../../helpers/ipc-recorder';

const WINDOW_ID = 7;
const trusted = { appOrigin: APP_ORIGIN, windowIds: new Set([WINDOW_ID]) };
const own: SenderInfo = {
  webContentsId: WINDOW_ID,
  frameUrl: `${APP_ENTRY_URL}#/page/index`,
  isMainFrame: true,
};

const UNTRUSTED: [string, SenderInfo][] = [
  ['another webContents', { ...own, webContentsId: 8 }],
  ['a subframe of our window', { ...own, isMainFrame: false }],
  ['a frame that is gone', { ...own, frameUrl: null }],
  ['our window showing another site', { ...own, frameUrl: 'https://evil.example/' }],
  ['a look-alike host', { ...own, frameUrl: 'app://dstudio.evil/index.html' }],
  ['credentials in the URL', { ...own, frameUrl: 'app://x@dstudio/index.html' }],
  ['a file: page', { ...own, frameUrl: 'file:///work/out/renderer/index.html' }],
  ['a data: page', { ...own, frameUrl: 'data:text/html,<script>1</script>' }],
  ['about:blank', { ...own, frameUrl: 'about:blank' }],
];

describe('isTrustedSender', () => {
  it('trusts the top frame of our own window on the app origin', () => {
    expect(isTrustedSender(own, trusted)).toBe(true);
    expect(isTrustedSender({ ...own, frameUrl: 'APP://DSTUDIO/index.html' }, trusted)).toBe(true);
  });

  it.each(UNTRUSTED)('refuses %s', (_label, sender) => {
    expect(isTrustedSender(sender, trusted)).toBe(false);
  });
});

describe('registerApiHandlers over real services', () => {
  let services: Services;
  let ipc: IpcRecorder<SenderInfo>;
  let unregister: () => void;
  // The whole IPC path as the renderer uses it: preload bridge, then the renderer's unwrapping.
  const bridgeFor = (sender: SenderInfo): DStudioApi =>
    deriveApi(bridgeCaller(createBridgeApi((channel, ...args) => ipc.invoke(sender, channel, ...args))));

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dstudio-ipc-'));
    await importStarterContentIfEmpty(join(dir, 'content.db'), STARTER_CORPUS);
    services = openServices({ contentDb: join(dir, 'content.db'), userDb: join(dir, 'user.db') });
    ipc = new IpcRecorder<SenderInfo>();
    unregister = registerApiHandlers(ipc, services.api, (event) => isTrustedSender(event.sender, trusted));
  });
  afterAll(() => services.close());

  it('registers exactly one handler per contract method, on the derived channel', () => {
    const expected = (Object.keys(API_METHODS) as Domain[]).flatMap((d) =>
      API_METHODS[d].map((m) => channelOf(d, m)),
    );
    expect([...ipc.handlers.keys()].sort()).toEqual(expected.sort());
  });

  it('answers our window through the preload bridge: content, search and user data', async () => {
    const api = bridgeFor(own);
    const status = await api.content.getStatus();
    expect(status.pages).toBeGreaterThan(5);
    const found = await api.search.search({ text: 'circuit breaker' });
    expect(found.results[0]?.id).toBe('pattern-library/resilience/circuit-breaker');
    await api.user.addBookmark('pattern-library/resilience/circuit-breaker', 'Circuit Breaker', null);
    expect((await api.user.listBookmarks()).map((b) => b.pageId)).toContain(
      'pattern-library/resilience/circuit-breaker',
    );
    expect(await api.content.resolveId('no/such/page')).toBeNull();
  });

  it('turns bad arguments into a clear error for the page and keeps main working', async () => {
    const api = bridgeFor(own);
    const loose = api as unknown as Record<string, Record<string, (...a: unknown[]) => Promise<unknown>>>;
    await expect(loose.content!.getPages!('not-a-list')).rejects.toThrow(/./);
    await expect(loose.user!.listHistory!(-1, 'extra')).rejects.toThrow(/./);
    await expect(loose.user!.setSetting!({ toString: 'x' }, 1)).rejects.toThrow(/./);
    await expect(loose.search!.search!({ text: 'x', filters: { tier: ['platinum'] } })).rejects.toThrow(/./);
    const raw = (await ipc.invoke(own, channelOf('content', 'getPages'), 'not-a-list')) as WireResult;
    expect(raw).toMatchObject({ ok: false, error: { code: 'bad-arguments' } });
    expect((await api.content.getStatus()).pages).toBeGreaterThan(5);
  });

  it.each(UNTRUSTED)('refuses calls from %s before any service runs', async (_label, sender) => {
    const raw = (await ipc.invoke(
      sender,
      channelOf('user', 'addBookmark'),
      'index',
      'Home',
      null,
    )) as WireResult;
    expect(raw).toEqual({
      ok: false,
      error: { code: 'forbidden', message: expect.stringMatching(/refused/) },
    });
    await expect(bridgeFor(sender).user.addBookmark('index', 'Home', null)).rejects.toThrow(/refused/);
    expect((await bridgeFor(own).user.listBookmarks()).map((b) => b.pageId)).not.toContain('index');
  });

  it('removes every handler when asked, so the window can be re-registered', () => {
    unregister();
    expect(ipc.handlers.size).toBe(0);
    unregister = registerApiHandlers(ipc, services.api, (event) => isTrustedSender(event.sender, trusted));
    expect(ipc.handlers.size).toBeGreaterThan(0);
  });
});
