import type { DStudioApi } from '../../shared/contract';
import { createHttpApi } from './http-api';

/**
 * The renderer's one way to the main side: the Electron preload's bridge when it is
 * there, otherwise the HTTP transport of `dstudio serve` with the token from the URL.
 * Only stores import this module; tests replace it.
 */
function connect(): DStudioApi {
  if (window.dstudio) return window.dstudio;
  const token = new URLSearchParams(window.location.search).get('token') ?? '';
  return createHttpApi(window.location.origin, token, (url, init) => window.fetch(url, init));
}

export const api: DStudioApi = connect();
