import { copyFileSync, existsSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { API_METHODS, channelOf, type Domain } from '../../../src/shared/contract';
import { UI_CSP_HEADER } from '../../../src/main/server/csp';
import { STARTER_CORPUS } from '../../helpers/corpus';

/**
 * Boots src/main/index.ts against a recording stand-in for the `electron` module (the
 * real binary cannot start here), with the real services, the real starter content
 * and real SQLite files, then drives what Electron would: the app:// handler, IPC
 * calls from trusted and untrusted senders, the web-contents guard, quitting.
 */
const fake = vi.hoisted(() => {
  type Listener = (...args: unknown[]) => unknown;
  const state = {
    appPath: '',
    userData: '',
    privileged: [] as unknown[],
    sandboxEnabled: false,
    appListeners: new Map<string, Listener[]>(),
    protocolHandlers: new Map<string, (request: Request) => Promise<Response>>(),
    ipcHandlers: new Map<string, Listener>(),
    windows: [] as { options: Record<string, unknown>; url: string; webContents: { id: number } }[],
    permission: {} as Record<string, Listener>,
    opened: [] as string[],
    menu: null as unknown,
    protocolClients: [] as unknown[][],
  };
  const on = (name: string, listener: Listener) => {
    state.appListeners.set(name, [...(state.appListeners.get(name) ?? []), listener]);
  };
  const emit = (name: string, ...args: unknown[]) =>
    (state.appListeners.get(name) ?? []).forEach((l) => l(...args));
  let nextId = 1;
  class BrowserWindow {
    readonly webContents = {
      id: nextId++,
      on: () => {},
      isLoading: () => true,
      send: () => {},
      getURL: () => this.url,
    };
    url = '';
    constructor(readonly options: Record<string, unknown>) {
      state.windows.push(this);
    }
    on() {}
    once() {}
    loadURL(url: string) {
      this.url = url;
      return Promise.resolve();
    }
    maximize() {}
    static fromWebContents() {
      return state.windows[0];
    }
    static getAllWindows() {
      return state.windows;
    }
  }
  const electron = {
    app: {
      isPackaged: false,
      on,
      getAppPath: () => state.appPath,
      getPath: (name: string) => (name === 'userData' ? state.userData : '/nonexistent'),
      setPath: () => {},
      enableSandbox: () => void (state.sandboxEnabled = true),
      requestSingleInstanceLock: () => true,
      whenReady: () => Promise.resolve(),
      quit: () => {},
      exit: () => {},
      name: 'DStudio Desktop',
      isReady: () => true,
      setAsDefaultProtocolClient: (...args: unknown[]) => void state.protocolClients.push(args),
    },
    screen: {
      getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1040 } }],
      getPrimaryDisplay: () => ({ workArea: { x: 0, y: 0, width: 1920, height: 1040 } }),
    },
    Menu: {
      buildFromTemplate: (template: unknown) => ({ template }),
      setApplicationMenu: (menu: unknown) => void (state.menu = menu),
    },
    clipboard: { writeText: () => {} },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => void state.privileged.push(...schemes),
      handle: (scheme: string, handler: (request: Request) => Promise<Response>) =>
        void state.protocolHandlers.set(scheme, handler),
    },
    ipcMain: {
      handle: (channel: string, listener: Listener) => void state.ipcHandlers.set(channel, listener),
      removeHandler: (channel: string) => void state.ipcHandlers.delete(channel),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (h: Listener) => void (state.permission.request = h),
        setPermissionCheckHandler: (h: Listener) => void (state.permission.check = h),
        setDevicePermissionHandler: (h: Listener) => void (state.permission.device = h),
      },
    },
    shell: { openExternal: async (url: string) => void state.opened.push(url) },
    nativeTheme: { shouldUseDarkColors: false },
    // No keychain in the stand-in: the token store then keeps no token (see sync/token-store.ts).
    safeStorage: {
      isEncryptionAvailable: () => false,
      encryptString: () => {
        throw new Error('no keychain');
      },
      decryptString: () => {
        throw new Error('no keychain');
      },
    },
    dialog: {
      showErrorBox: (title: string, text: string) => {
        throw new Error(`${title}: ${text}`);
      },
    },
    BrowserWindow,
  };
  return { state, emit, electron };
});

vi.mock('electron', () => ({ ...fake.electron, default: fake.electron }));

const { state, emit } = fake;
const trustedEvent = (url = 'app://dstudio/index.html#/') => ({
  sender: { id: state.windows[0]!.webContents.id },
  senderFrame: { url, parent: null },
});

beforeAll(async () => {
  // A development layout: the built UI, the starter content and the native addon under the app path.
  state.appPath = mkdtempSync(join(tmpdir(), 'dstudio-root-app-'));
  state.userData = mkdtempSync(join(tmpdir(), 'dstudio-root-user-'));
  mkdirSync(join(state.appPath, 'out', 'renderer'), { recursive: true });
  writeFileSync(
    join(state.appPath, 'out', 'renderer', 'index.html'),
    '<!doctype html><title>DStudio</title>',
  );
  symlinkSync(STARTER_CORPUS, join(state.appPath, 'content'));
  // Node's own build stands in for the Electron one: same file, same loading path.
  const nodeAddon = join(
    dirname(createRequire(import.meta.url).resolve('better-sqlite3/package.json')),
    'build',
    'Release',
    'better_sqlite3.node',
  );
  mkdirSync(join(state.appPath, 'build', 'native-electron'), { recursive: true });
  copyFileSync(nodeAddon, join(state.appPath, 'build', 'native-electron', 'better_sqlite3.node'));

  await import('../../../src/main/index');
  await vi.waitFor(() => expect(state.windows).toHaveLength(1), { timeout: 60_000, interval: 50 });
});

afterAll(() => emit('will-quit'));

describe('src/main/index.ts', () => {
  it('sets the application menu, registers dstudio: links and restores a first window at its default place', () => {
    const labels = JSON.stringify((state.menu as { template: unknown }).template);
    for (const label of ['Save as PDF…', 'Go to Page…', 'Export My Data…', 'Check for Updates…'])
      expect(labels).toContain(label);
    expect(state.protocolClients[0]?.[0]).toBe('dstudio');
    expect(state.windows[0]!.options).toMatchObject({ width: 1280, height: 860, x: 320, y: 90 });
  });

  it('answers Save as PDF only to its own window', async () => {
    const handler = state.ipcHandlers.get('desktop:save-pdf')!;
    await expect(
      handler(
        { sender: { id: 999 }, senderFrame: { url: 'app://dstudio/index.html', parent: null } },
        'x.pdf',
      ),
    ).rejects.toThrow(/Refused/);
    await expect(handler(trustedEvent(), 42)).rejects.toThrow(/file name/);
  });

  it('registers app:// as a privileged standard, secure scheme and turns on the sandbox for every renderer', () => {
    expect(state.privileged).toEqual([
      { scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) },
    ]);
    expect(state.sandboxEnabled).toBe(true);
  });

  it('opens one locked-down window on app://dstudio/index.html with the built preload', () => {
    const [win] = state.windows;
    expect(win!.url).toBe('app://dstudio/index.html');
    expect(win!.options.webPreferences).toMatchObject({
      preload: join(state.appPath, 'out', 'preload', 'index.cjs'),
      contextIsolation: true,
      nodeIntegration: false,
      sandbox: true,
      webSecurity: true,
    });
  });

  it('imported the starter content into the user data folder on first start', () => {
    expect(existsSync(join(state.userData, 'content.db'))).toBe(true);
    expect(existsSync(join(state.userData, 'user.db'))).toBe(true);
  });

  it('serves the UI over app:// with the CSP', async () => {
    const res = await state.protocolHandlers.get('app')!(new Request('app://dstudio/index.html'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toBe(UI_CSP_HEADER);
    expect(
      (await state.protocolHandlers.get('app')!(new Request('app://dstudio/%2e%2e/content/mkdocs.yml')))
        .status,
    ).toBe(404);
  });

  it('answers every contract channel for the window, and refuses other senders', async () => {
    const channels = (Object.keys(API_METHODS) as Domain[]).flatMap((d) =>
      API_METHODS[d].map((m) => channelOf(d, m)),
    );
    // The contract's channels, and the desktop bridge's one invoke channel (Save as PDF).
    expect([...state.ipcHandlers.keys()].sort()).toEqual([...channels, 'desktop:save-pdf'].sort());
    const status = (await state.ipcHandlers.get('content:getStatus')!(trustedEvent())) as {
      ok: boolean;
      value: { pages: number };
    };
    expect(status.ok).toBe(true);
    expect(status.value.pages).toBeGreaterThan(5);
    const foreign = await state.ipcHandlers.get('content:getStatus')!(trustedEvent('https://evil.example/'));
    expect(foreign).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const other = await state.ipcHandlers.get('content:getStatus')!({
      ...trustedEvent(),
      sender: { id: 999 },
    });
    expect(other).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('guards every new webContents and denies permissions', () => {
    const listeners = new Map<string, (e: { url: string; preventDefault(): void }) => void>();
    let openHandler: ((d: { url: string }) => unknown) | undefined;
    emit(
      'web-contents-created',
      {},
      {
        on: (n: string, l: never) => listeners.set(n, l),
        setWindowOpenHandler: (h: never) => (openHandler = h),
      },
    );
    let prevented = false;
    listeners.get('will-navigate')!({
      url: 'https://example.com/x',
      preventDefault: () => (prevented = true),
    });
    expect(prevented).toBe(true);
    expect(openHandler!({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' });
    expect(state.opened).toEqual(['https://example.com/x']);
    expect(state.permission.check!(null, 'geolocation', 'app://dstudio')).toBe(false);
    expect(state.permission.device!()).toBe(false);
  });
});
