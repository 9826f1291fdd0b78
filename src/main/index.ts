/**
 * The Electron composition root: the only place where Electron, the services and the
 * window are wired together. Every decision (window options, what app:// serves,
 * where navigation may go, who may call the API, which permissions exist) is a small
 * function in src/main/electron/ with its own unit test; this file only connects them.
 */
import { app, BrowserWindow, dialog, ipcMain, nativeTheme, protocol, session, shell } from 'electron';
import { join } from 'node:path';
import { useNativeBinding } from './database/connection';
import { backupUserDb, recoverContentDb, recoverUserDb } from './database/health';
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
import { openServices } from './services';

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

function createWindow(preload: string): BrowserWindow {
  const win = new BrowserWindow(windowOptions({ preload, dark: nativeTheme.shouldUseDarkColors }));
  const id = win.webContents.id;
  windowIds.add(id);
  win.on('closed', () => windowIds.delete(id));
  win.once('ready-to-show', () => win.show());
  void win.loadURL(entryUrl);
  return win;
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

  // Start-up checks: a damaged content.db is rebuilt (moved aside, re-imported); a damaged
  // user.db is restored from its newest verified backup, never replaced by an empty one.
  const backups = join(app.getPath('userData'), 'backups');
  recoverContentDb(paths.contentDb, paths.nativeBinding);
  recoverUserDb(paths.userDb, backups, paths.nativeBinding);
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
    },
  );
  // One verified backup per start (the five newest are kept); a failure is not fatal.
  void backupUserDb(services.userDb, backups).catch((e: unknown) =>
    console.error('DStudio: user.db backup failed:', e),
  );
  app.on('will-quit', () => services.close());

  protocol.handle(APP_SCHEME, createAppProtocolHandler(paths.rendererRoot));
  applyPermissionPolicy(session.defaultSession, appOrigin);
  registerApiHandlers(ipcMain, services.api, (event) =>
    isTrustedSender(senderInfo(event), { appOrigin, windowIds }),
  );

  createWindow(paths.preload);
  // While the window loads: the first search someone types then costs only its own work.
  setImmediate(() => services.warmUp());
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow(paths.preload);
  });
  app.on('second-instance', () => {
    const [win] = BrowserWindow.getAllWindows();
    if (win?.isMinimized()) win.restore();
    win?.focus();
  });
}

// One process per profile: two would open the same user.db and fight over its windows.
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
