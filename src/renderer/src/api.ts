import type { DStudioApi } from '../../shared/contract';
import { deriveApi, plainArgs } from '../../shared/contract/derive';
import { createHttpApi } from './http-api';

/**
 * The renderer's one way to the main side: the Electron preload's bridge when it is
 * there, otherwise the HTTP transport of `dstudio serve` with the token from the URL.
 * Only stores import this module; tests replace it.
 */
function connect(): DStudioApi {
  const bridge = window.dstudio;
  if (bridge) {
    // Plain copies of the arguments: the bridge's structured clone refuses Vue's reactive proxies.
    return deriveApi((domain, method, args) => {
      const service = bridge[domain] as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>;
      return service[method]!(...plainArgs(args));
    });
  }
  const token = new URLSearchParams(window.location.search).get('token') ?? '';
  return createHttpApi(window.location.origin, token, (url, init) => window.fetch(url, init));
}

export const api: DStudioApi = connect();
