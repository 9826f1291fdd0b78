import { channelOf, type ApiErrorData, type DStudioApi } from '../shared/contract';
import { deriveApi } from '../shared/contract/derive';

/** Sends one call to main: `ipcRenderer.invoke` in the preload, anything with the same shape in tests. */
export type Invoke = (channel: string, ...args: unknown[]) => Promise<unknown>;

type Result = { ok: true; value: unknown } | { ok: false; error: ApiErrorData };

function isResult(x: unknown): x is Result {
  return typeof x === 'object' && x !== null && typeof (x as { ok?: unknown }).ok === 'boolean';
}

/**
 * The object the preload exposes as `window.dstudio`: one function per method of
 * API_METHODS, nothing else (never `ipcRenderer` itself, never a channel name chosen
 * by the page). Each turns main's `{ ok, value } | { ok: false, error }` back into a
 * value or a thrown Error. Only the message survives the context bridge (Electron
 * copies Errors without custom properties), so the message is what carries meaning.
 */
export function createBridgeApi(invoke: Invoke): DStudioApi {
  return deriveApi(async (domain, method, args) => {
    const result = await invoke(channelOf(domain, method), ...args);
    if (!isResult(result)) throw new Error(`DStudio: unexpected answer to ${domain}.${method}`);
    if (result.ok) return result.value;
    throw new Error(result.error.message);
  });
}
