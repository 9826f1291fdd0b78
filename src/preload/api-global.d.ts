import type { WireApi } from '../shared/contract/wire';

declare global {
  /**
   * The contract as the Electron preload exposes it (each call answers with the wire
   * envelope); absent in a plain browser (the HTTP transport is used then).
   */
  interface Window {
    dstudio?: WireApi;
  }
}

export {};
