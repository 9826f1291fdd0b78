import { contextBridge, ipcRenderer } from 'electron';
import { createBridgeApi } from './bridge-api';
import { createDesktopBridge } from './desktop-bridge';

// Runs sandboxed with context isolation: the page sees only these frozen functions,
// each bound to one fixed channel; `ipcRenderer` never leaves this file.
contextBridge.exposeInMainWorld(
  'dstudio',
  createBridgeApi((channel, ...args) => ipcRenderer.invoke(channel, ...args)),
);
contextBridge.exposeInMainWorld('dstudioDesktop', createDesktopBridge(ipcRenderer));
