import { channelOf } from '../shared/contract';
import { deriveApi } from '../shared/contract/derive';
import { isWireResult, type WireApi, type WireResult } from '../shared/contract/wire';

/** Sends one call to main: `ipcRenderer.invoke` in the preload, anything with the same shape in tests. */
export type Invoke = (channel: string, ...args: unknown[]) => Promise<unknown>;

/**
 * The object the preload exposes as `window.dstudio`: one function per method of
 * API_METHODS, nothing else (never `ipcRenderer` itself, never a channel name chosen
 * by the page). Each hands main's `{ ok, value } | { ok: false, error }` envelope to
 * the page as it is, for the renderer to unwrap (src/renderer/src/ipc-api.ts): the
 * context bridge copies a thrown Error without its code, an envelope keeps it.
 */
export function createBridgeApi(invoke: Invoke): WireApi {
  const api = deriveApi(async (domain, method, args): Promise<WireResult> => {
    const result = await invoke(channelOf(domain, method), ...args);
    if (isWireResult(result)) return result;
    return {
      ok: false,
      error: { code: 'internal', message: `DStudio: unexpected answer to ${domain}.${method}` },
    };
  });
  // deriveApi types its result as the contract; each of its functions answers with what the caller returns.
  return api as unknown as WireApi;
}
