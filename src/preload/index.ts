import { contextBridge, ipcRenderer } from 'electron';
import { createBridgeApi } from './bridge-api';

// Runs sandboxed with context isolation: the page sees only these frozen functions,
// each bound to one contract channel; `ipcRenderer` never leaves this file.
contextBridge.exposeInMainWorld(
  'dstudio',
  createBridgeApi((channel, ...args) => ipcRenderer.invoke(channel, ...args)),
);
