import type { DStudioApi } from '../shared/contract';
import type { DesktopBridge } from '../shared/desktop-bridge';

declare global {
  /** The contract, exposed by the Electron preload; absent in a plain browser (the HTTP transport is used then). */
  interface Window {
    dstudio?: DStudioApi;
    /** Menu commands, deep links and Save as PDF (src/shared/desktop-bridge.ts); Electron only. */
    dstudioDesktop?: DesktopBridge;
  }
}

export {};
