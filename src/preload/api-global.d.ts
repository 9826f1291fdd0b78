import type { DStudioApi } from '../shared/contract';

declare global {
  /** The contract, exposed by the Electron preload; absent in a plain browser (the HTTP transport is used then). */
  interface Window {
    dstudio?: DStudioApi;
  }
}

export {};
