import { _electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { UI_CSP_HEADER } from '../../src/main/server/csp';
import { API_METHODS } from '../../src/shared/contract';
import { unwrapResult, type WireResult } from '../../src/shared/contract/wire';
import { ReaderPage } from '../e2e/reader-page';
import { findElectronBinary, SKIP_MESSAGE } from './electron-binary.mjs';

/**
 * The real desktop app: launch → first page → search, plus the window's security
 * settings read back from the running app. Needs an Electron binary; run through
 * tests/e2e-electron/run.mjs, which builds the app first.
 */
const REPO = resolve(import.meta.dirname, '../..');
const binary = process.env.DSTUDIO_ELECTRON_PATH ?? findElectronBinary(REPO).path;
const ENTRY = 'app://dstudio/index.html';

test.skip(!binary, SKIP_MESSAGE);

/** The value of a bridge answer read back from the page (the bridge answers with the wire envelope). */
const valueOf = <T>(answer: WireResult<T>): T => unwrapResult(answer, 'the bridge call') as T;

async function launch(userData: string): Promise<{ app: ElectronApplication; page: Page }> {
  const app = await _electron.launch({
    executablePath: binary!,
    // Chromium refuses to start as root with its OS sandbox (CI containers); elsewhere the sandbox stays on.
    args: [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), REPO],
    cwd: REPO,
    env: { ...process.env, DSTUDIO_USER_DATA: userData, ELECTRON_RENDERER_URL: '' },
  });
  const page = await app.firstWindow();
  await expect(page.locator('.app-shell')).toBeVisible();
  return { app, page };
}

test('launch → first page → search, in a locked-down window', async () => {
  const userData = mkdtempSync(join(tmpdir(), 'dstudio-electron-'));
  const { app, page } = await launch(userData);
  const reader = new ReaderPage(page, ENTRY);

  await test.step('first start imports the starter content and serves the UI from app://', async () => {
    expect(page.url()).toMatch(/^app:\/\/dstudio\/index\.html/);
    const status = valueOf(await page.evaluate(() => window.dstudio!.content.getStatus()));
    expect(status.pages).toBeGreaterThan(5);
    expect(status.source).toBe('DStudio starter content');
  });

  await test.step('the page has no Node, only the contract bridge', async () => {
    const globals = await page.evaluate(() => ({
      require: typeof (window as unknown as { require?: unknown }).require,
      process: typeof (window as unknown as { process?: unknown }).process,
      bridge: Object.keys(window.dstudio ?? {}).sort(),
      desktop: Object.keys(window.dstudioDesktop ?? {}).sort(),
    }));
    expect(globals).toEqual({
      require: 'undefined',
      process: 'undefined',
      bridge: Object.keys(API_METHODS).sort(),
      desktop: ['onCommand', 'savePdf'],
    });
    const prefs = await app.evaluate(({ BrowserWindow }) => {
      const wc = BrowserWindow.getAllWindows()[0]!.webContents as unknown as {
        getLastWebPreferences?: () => Record<string, unknown>;
      };
      return wc.getLastWebPreferences?.() ?? null;
    });
    if (prefs)
      expect(prefs).toMatchObject({
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        webSecurity: true,
      });
  });

  await test.step('the CSP is sent and an injected inline script never runs', async () => {
    const csp = await page.evaluate(async () =>
      (await fetch('app://dstudio/index.html')).headers.get('content-security-policy'),
    );
    expect(csp).toBe(UI_CSP_HEADER);
    const ran = await page.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.__injected = true';
      document.body.append(s);
      return (window as unknown as { __injected?: boolean }).__injected === true;
    });
    expect(ran).toBe(false);
  });

  await test.step('navigation stays in the app, new windows are denied, https leaves through the system browser', async () => {
    await app.evaluate(({ shell }) => {
      const opened: string[] = [];
      (globalThis as unknown as { opened: string[] }).opened = opened;
      shell.openExternal = async (url: string) => void opened.push(url);
    });
    expect(await page.evaluate(() => window.open('https://example.invalid/popup') === null)).toBe(true);
    await page.evaluate(() => (window.location.href = 'https://example.invalid/away'));
    await page.evaluate(() => (window.location.href = 'file:///etc/passwd'));
    await expect
      .poll(() => app.evaluate(() => (globalThis as unknown as { opened: string[] }).opened))
      .toEqual(['https://example.invalid/popup', 'https://example.invalid/away']);
    expect(page.url()).toMatch(/^app:\/\/dstudio\//);
    expect(app.windows()).toHaveLength(1);
  });

  await test.step('bad arguments come back as an error, and main keeps answering', async () => {
    const answer = await page.evaluate(() =>
      (window.dstudio!.content.getPages as unknown as (x: unknown) => Promise<unknown>)('not-a-list'),
    );
    expect(answer).toMatchObject({ ok: false, error: { code: 'bad-arguments' } });
    expect(valueOf(await page.evaluate(() => window.dstudio!.content.getStatus())).pages).toBeGreaterThan(5);
  });

  await test.step('search from the box and open a result', async () => {
    const [first] = valueOf(
      await page.evaluate(() => window.dstudio!.search.search({ text: 'circuit breaker' })),
    ).results;
    expect(first).toBeTruthy();
    await reader.searchBox.fill('circuit breaker');
    await expect(reader.instantResults).toBeVisible();
    await reader.instantResults
      .getByRole('option', { name: new RegExp(first!.title, 'i') })
      .first()
      .click();
    await reader.waitForPage(first!.title);
    await page.evaluate(
      (title) => window.dstudio!.user.addBookmark('pattern-library/resilience/circuit-breaker', title, null),
      first!.title,
    );
  });

  await test.step('the menu has the standard roles and the app commands with their keys', async () => {
    const items = await app.evaluate(({ Menu }) => {
      const flat: { label: string; accelerator: string | null; role: string | null }[] = [];
      const walk = (menu: Electron.Menu | null) =>
        menu?.items.forEach((i) => {
          flat.push({ label: i.label, accelerator: (i.accelerator as string) ?? null, role: i.role ?? null });
          walk(i.submenu ?? null);
        });
      walk(Menu.getApplicationMenu());
      return flat;
    });
    expect(items).toContainEqual(
      expect.objectContaining({ label: 'Go to Page…', accelerator: 'CmdOrCtrl+K' }),
    );
    expect(items).toContainEqual(
      expect.objectContaining({ label: 'Save as PDF…', accelerator: 'CmdOrCtrl+Shift+P' }),
    );
    expect(items.map((i) => i.role)).toEqual(expect.arrayContaining(['copy', 'paste']));
  });

  await test.step('a menu command reaches the page (IPC main → page)', async () => {
    await app.evaluate(({ BrowserWindow }) =>
      BrowserWindow.getAllWindows()[0]!.webContents.send('desktop:command', {
        kind: 'command',
        id: 'quick-switcher',
      }),
    );
    await expect(reader.switcher).toBeVisible();
    await page.keyboard.press('Escape');
  });

  await test.step('a deep link opens its page; a bad one is ignored', async () => {
    await app.evaluate(({ app: electronApp }) => {
      electronApp.emit('second-instance', {}, ['dstudio', 'dstudio://page/../../etc/passwd'], '');
      electronApp.emit(
        'second-instance',
        {},
        ['dstudio', 'dstudio://page/pattern-library/resilience/retry-backoff'],
        '',
      );
    });
    await expect.poll(() => page.url()).toContain('#/page/pattern-library/resilience/retry-backoff');
  });

  await test.step('Save as PDF writes a PDF with an outline where the dialog says', async () => {
    const target = join(userData, 'page.pdf');
    await app.evaluate(({ dialog }, path) => {
      dialog.showSaveDialog = (async () => ({
        canceled: false,
        filePath: path,
      })) as typeof dialog.showSaveDialog;
    }, target);
    await page.keyboard.press('Control+Shift+P');
    await expect.poll(() => existsSync(target), { timeout: 30_000 }).toBe(true);
    const pdf = readFileSync(target);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.includes(Buffer.from('/Outlines'))).toBe(true);
  });

  await app.close();

  await test.step('user data survives a restart; the starter content is not imported twice', async () => {
    const again = await launch(userData);
    const bookmarks = valueOf(await again.page.evaluate(() => window.dstudio!.user.listBookmarks()));
    expect(bookmarks.map((b) => b.pageId)).toContain('pattern-library/resilience/circuit-breaker');
    await again.app.close();
  });
});
