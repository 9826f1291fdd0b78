/**
 * The Electron composition root: the only place where Electron, the services and the
 * window are wired together. Every decision (window options, what app:// serves,
 * where navigation may go, who may call the API, which permissions exist) is a small
 * function in src/main/electron/ with its own unit test; this file only connects them.
 */
import {
  app,
  BrowserWindow,
  clipboard,
  dialog,
  ipcMain,
  Menu,
  nativeTheme,
  protocol,
  safeStorage,
  screen,
  session,
  shell,
} from 'electron';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { useNativeBinding } from './database/connection';
import { recoverContentDb } from './database/health';
import {
  APP_ENTRY_URL,
  APP_ORIGIN,
  APP_SCHEME,
  APP_SCHEME_PRIVILEGES,
  createAppProtocolHandler,
} from './electron/app-protocol';
import { isTrustedSender, registerApiHandlers, senderInfo } from './electron/ipc-registration';
import { describeStartupError, nativeBindingProblem } from './electron/native-binding';
import { guardWebContents } from './electron/navigation-guard';
import { appPaths } from './electron/paths';
import { applyPermissionPolicy } from './electron/permissions';
import { importStarterContentIfEmpty } from './electron/starter-content';
import { windowOptions } from './electron/window-options';
import { deepLinkInArgs, DEEP_LINK_SCHEME, parseDeepLink } from './electron/deep-link';
import { contextMenuTemplate, menuTemplate } from './electron/menu';
import { pdfNameArg, pdfOptions } from './electron/print-pdf';
import { parseWindowState, restoreBounds, restoreUrl, type WindowState } from './electron/window-state';
import { writeFileAtomic } from './files/atomic-write';
import { safeFileName } from './files/safe-file-name';
import { DESKTOP_CHANNELS, type DesktopCommand } from '../shared/desktop-bridge';
import { openServices } from './services';
import { encryptedTokenStore } from './sync/token-store';

// Both must happen before `ready`: privileged schemes cannot be registered later, and
// enableSandbox covers every renderer, including any created by accident.
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }]);
app.enableSandbox();

// A separate profile (tests, or several libraries side by side); must be set before `ready`.
if (process.env.DSTUDIO_USER_DATA) app.setPath('userData', process.env.DSTUDIO_USER_DATA);

// `electron-vite dev` serves the UI from its dev server with hot reload; everything
// else (npm start, packaged) loads it from app://.
const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL;
const appOrigin = devServerUrl ? new URL(devServerUrl).origin : APP_ORIGIN;
const entryUrl = devServerUrl ?? APP_ENTRY_URL;

const windowIds = new Set<number>();

app.on('web-contents-created', (_event, contents) => {
  guardWebContents(contents, appOrigin, (url) => void shell.openExternal(url));
});

const windowStateFile = () => join(app.getPath('userData'), 'window-state.json');

/** Deep links that arrived before the window could take them (a cold start from a link). */
let pendingLink: DesktopCommand | null = null;

/** Hands a command to the (first) window, bringing it to the front. */
function sendToWindow(command: DesktopCommand): void {
  const [win] = BrowserWindow.getAllWindows();
  if (!win || win.webContents.isLoading()) {
    if (command.kind === 'open-page') pendingLink = command;
    return;
  }
  if (win.isMinimized()) win.restore();
  win.focus();
  win.webContents.send(DESKTOP_CHANNELS.command, command);
}

function openDeepLink(link: string | null): void {
  const command = link ? parseDeepLink(link) : null;
  if (command) sendToWindow(command);
  else if (link)
    console.warn('DStudio: ignored a link that is not dstudio://page/<id>[#anchor]:', link.slice(0, 200));
}

function createWindow(preload: string): BrowserWindow {
  let saved: WindowState | null = null;
  try {
    saved = parseWindowState(readFileSync(windowStateFile(), 'utf8'));
  } catch {
    // First start, or unreadable: the defaults are used.
  }
  const bounds = restoreBounds(
    saved?.bounds ?? null,
    screen.getAllDisplays().map((d) => d.workArea),
    screen.getPrimaryDisplay().workArea,
  );
  const win = new BrowserWindow({
    ...windowOptions({ preload, dark: nativeTheme.shouldUseDarkColors }),
    ...bounds,
  });
  if (saved?.maximized) win.maximize();
  const id = win.webContents.id;
  windowIds.add(id);
  win.on('closed', () => windowIds.delete(id));
  win.once('ready-to-show', () => win.show());
  win.on('close', () => {
    const state: WindowState = {
      bounds: win.getNormalBounds(),
      maximized: win.isMaximized(),
      route: new URL(win.webContents.getURL()).hash || null,
    };
    void writeFileAtomic(windowStateFile(), JSON.stringify(state)).catch(() => undefined);
  });
  win.webContents.on('did-finish-load', () => {
    if (pendingLink) sendToWindow(pendingLink);
    pendingLink = null;
  });
  win.webContents.on('context-menu', (_event, params) => {
    const items = contextMenuTemplate(params, {
      copyText: (text) => clipboard.writeText(text),
      openExternal: (url) => void shell.openExternal(url),
      run: (command) => sendToWindow({ kind: 'command', id: command }),
    });
    if (items.length) Menu.buildFromTemplate(items).popup({ window: win });
  });
  void win.loadURL(restoreUrl(entryUrl, saved?.route ?? null));
  return win;
}

/** Save as PDF: the page has made itself ready for paper (print.ts); main prints and saves it. */
function handleSavePdf(trusted: (event: Electron.IpcMainInvokeEvent) => boolean): void {
  ipcMain.handle(DESKTOP_CHANNELS.savePdf, async (event, name: unknown) => {
    if (!trusted(event)) throw new Error('Refused: not the app window.');
    const win = BrowserWindow.fromWebContents(event.sender);
    const defaultPath = join(app.getPath('documents'), safeFileName(pdfNameArg(name), 'page.pdf'));
    const choice = win
      ? await dialog.showSaveDialog(win, { defaultPath, filters: [{ name: 'PDF', extensions: ['pdf'] }] })
      : await dialog.showSaveDialog({ defaultPath });
    if (choice.canceled || !choice.filePath) return null;
    await writeFileAtomic(choice.filePath, await event.sender.printToPDF(pdfOptions()));
    return choice.filePath;
  });
}

async function start(): Promise<void> {
  const paths = appPaths({
    isPackaged: app.isPackaged,
    appPath: app.getAppPath(),
    resourcesPath: process.resourcesPath,
    userData: app.getPath('userData'),
  });
  const problem = nativeBindingProblem(paths.nativeBinding, app.isPackaged);
  if (problem) throw new Error(problem);
  useNativeBinding(paths.nativeBinding);

  // Start-up check: a damaged content.db is rebuilt (moved aside, re-imported); openServices
  // restores a damaged user.db from its newest verified backup and takes the daily backup.
  recoverContentDb(paths.contentDb, paths.nativeBinding);
  await importStarterContentIfEmpty(paths.contentDb, paths.starterCorpus);
  const services = openServices(
    { contentDb: paths.contentDb, userDb: paths.userDb },
    {
      // The save dialog asks before replacing a file; the files service then writes atomically.
      chooseSavePath: async (suggestedName) => {
        const parent = BrowserWindow.getFocusedWindow();
        const options = { defaultPath: join(app.getPath('documents'), suggestedName) };
        const result = parent
          ? await dialog.showSaveDialog(parent, options)
          : await dialog.showSaveDialog(options);
        return result.canceled || !result.filePath ? null : result.filePath;
      },
      // The GitHub token survives restarts only encrypted by the OS keychain.
      sync: { tokens: encryptedTokenStore(join(app.getPath('userData'), 'github-token.bin'), safeStorage) },
    },
  );
  app.on('will-quit', () => services.close());

  protocol.handle(APP_SCHEME, createAppProtocolHandler(paths.rendererRoot, services.contentDb));
  applyPermissionPolicy(session.defaultSession, appOrigin);
  const trusted = (event: Electron.IpcMainInvokeEvent) =>
    isTrustedSender(senderInfo(event), { appOrigin, windowIds });
  registerApiHandlers(ipcMain, services.api, trusted);
  handleSavePdf(trusted);
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      menuTemplate(process.platform, app.name, (id) => sendToWindow({ kind: 'command', id })),
    ),
  );

  createWindow(paths.preload);
  // While the window loads: the first search someone types then costs only its own work.
  setImmediate(() => services.warmUp());
  openDeepLink(deepLinkInArgs(process.argv));
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow(paths.preload);
  });
  // A second launch hands over to this one: focus, and open its deep link (Linux, Windows).
  app.on('second-instance', (_event, argv) => {
    const [win] = BrowserWindow.getAllWindows();
    if (win?.isMinimized()) win.restore();
    win?.focus();
    openDeepLink(deepLinkInArgs(argv));
  });
}

// One process per profile: two would open the same user.db and fight over its windows.
// dstudio:// links open this app (packaged: the installer registers it too; in development
// Electron needs the script path to relaunch the same app).
if (process.defaultApp && process.argv[1])
  app.setAsDefaultProtocolClient(DEEP_LINK_SCHEME, process.execPath, [process.argv[1]]);
else app.setAsDefaultProtocolClient(DEEP_LINK_SCHEME);
// macOS delivers links as an event, also before `ready` on a cold start.
app.on('open-url', (event, url) => {
  event.preventDefault();
  if (app.isReady()) openDeepLink(url);
  else pendingLink = parseDeepLink(url);
});

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      dialog.showErrorBox('DStudio cannot start', describeStartupError(error));
      app.exit(1);
    });
}
