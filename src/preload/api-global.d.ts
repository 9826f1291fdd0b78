import type { WireApi } from '../shared/contract/wire';
import type { DesktopBridge } from '../shared/desktop-bridge';

declare global {
  /**
   * The contract as the Electron preload exposes it (each call answers with the wire
   * envelope); absent in a plain browser (the HTTP transport is used then).
   */
  interface Window {
    dstudio?: WireApi;
    /** Menu commands, deep links and Save as PDF (src/shared/desktop-bridge.ts); Electron only. */
    dstudioDesktop?: DesktopBridge;
  }
}

export {};
