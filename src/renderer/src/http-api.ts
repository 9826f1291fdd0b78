import { ApiError, type DStudioApi } from '../../shared/contract';
import { deriveApi, plainArgs, type Caller } from '../../shared/contract/derive';
import { apiPath, isWireResult, TOKEN_HEADER, unwrapResult } from '../../shared/contract/wire';

type Fetch = (
  url: string,
  init: { method: string; headers: Record<string, string>; body: string },
) => Promise<{
  status: number;
  json(): Promise<unknown>;
}>;

/**
 * One call of the contract over HTTP (`dstudio serve`): `POST <origin>/api/<domain>/<method>`
 * with the arguments as a JSON array; the server's `{ ok, value | error }` becomes the
 * value or a thrown ApiError, exactly as over the preload's bridge (ipc-api.ts).
 */
export function httpCaller(origin: string, token: string, fetchFn: Fetch): Caller {
  return async (domain, method, args) => {
    let res: Awaited<ReturnType<Fetch>>;
    try {
      res = await fetchFn(`${origin}${apiPath(domain, method)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [TOKEN_HEADER]: token },
        body: JSON.stringify(plainArgs(args)),
      });
    } catch {
      throw new ApiError('internal', 'Cannot reach the DStudio server. Is `dstudio serve` still running?');
    }
    let body: unknown;
    try {
      body = await res.json();
    } catch {
      throw new ApiError('internal', `The server answered ${res.status} without a readable body.`);
    }
    if (!isWireResult(body))
      throw new ApiError('internal', `The server answered ${res.status} with an unexpected body.`);
    return unwrapResult(body, `${domain}.${method}`);
  };
}

/**
 * The contract over HTTP: every method of API_METHODS becomes a `httpCaller` call.
 * Derived from the method list, so no method is written out by hand here.
 */
export function createHttpApi(origin: string, token: string, fetchFn: Fetch): DStudioApi {
  return deriveApi(httpCaller(origin, token, fetchFn));
}
