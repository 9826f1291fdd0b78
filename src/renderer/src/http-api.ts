import { ApiError, type ApiErrorData, type DStudioApi } from '../../shared/contract';
import { deriveApi, plainArgs, type Caller } from '../../shared/contract/derive';

/** Header carrying the session token; must match src/main/server/http-server.ts TOKEN_HEADER. */
export const TOKEN_HEADER = 'x-dstudio-token';

type Fetch = (
  url: string,
  init: { method: string; headers: Record<string, string>; body: string },
) => Promise<{
  status: number;
  json(): Promise<unknown>;
}>;

function isResult(body: unknown): body is { ok: true; value: unknown } | { ok: false; error: ApiErrorData } {
  return typeof body === 'object' && body !== null && 'ok' in body;
}

/**
 * One call of the contract over HTTP (`dstudio serve`): `POST <origin>/api/<domain>/<method>`
 * with the arguments as a JSON array; the server's `{ ok, value | error }` becomes the
 * value or a thrown ApiError.
 */
export function httpCaller(origin: string, token: string, fetchFn: Fetch): Caller {
  return async (domain, method, args) => {
    let res: Awaited<ReturnType<Fetch>>;
    try {
      res = await fetchFn(`${origin}/api/${domain}/${method}`, {
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
    if (!isResult(body))
      throw new ApiError('internal', `The server answered ${res.status} with an unexpected body.`);
    if (body.ok) return body.value;
    throw new ApiError(body.error.code, body.error.message);
  };
}

/**
 * The contract over HTTP: every method of API_METHODS becomes a `httpCaller` call.
 * Derived from the method list, so no method is written out by hand here.
 */
export function createHttpApi(origin: string, token: string, fetchFn: Fetch): DStudioApi {
  return deriveApi(httpCaller(origin, token, fetchFn));
}
