import type { DStudioApi, Domain, MethodOf } from './index';

/**
 * The wire format of the contract, the same for both transports (Electron IPC and the
 * HTTP of `dstudio serve`): every answer is an envelope `{ ok: true, value }` or
 * `{ ok: false, error: { code, message } }`, and the renderer turns a failed one into
 * an ApiError with the same code and message whichever way it came.
 */

/** Every error code an answer can carry. */
export const API_ERROR_CODES = ['bad-arguments', 'not-found', 'forbidden', 'internal'] as const;

/** Error shape that crosses the bridge. */
export interface ApiErrorData {
  code: (typeof API_ERROR_CODES)[number];
  message: string;
}

/** A failed contract call, as the renderer sees it over either transport. */
export class ApiError extends Error {
  constructor(
    readonly code: ApiErrorData['code'],
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** The answer to one contract call. */
export type WireResult<T = unknown> = { ok: true; value: T } | { ok: false; error: ApiErrorData };

/**
 * The contract as the preload exposes it: the same methods, each answering with the
 * envelope instead of throwing, because Electron's context bridge keeps only the
 * message of an Error and would lose its code.
 */
export type WireApi = {
  [D in Domain]: {
    [M in MethodOf<D>]: DStudioApi[D][M] extends (...args: infer A) => Promise<infer R>
      ? (...args: A) => Promise<WireResult<R>>
      : never;
  };
};

/** Header carrying the session token of `dstudio serve` (the `token` query parameter is accepted too). */
export const TOKEN_HEADER = 'x-dstudio-token';

const API_PREFIX = '/api/';

function isErrorData(x: unknown): x is ApiErrorData {
  if (typeof x !== 'object' || x === null) return false;
  const { code, message } = x as { code?: unknown; message?: unknown };
  return (API_ERROR_CODES as readonly unknown[]).includes(code) && typeof message === 'string';
}

/** True for a well-formed envelope; anything else is a transport fault. */
export function isWireResult(x: unknown): x is WireResult {
  if (typeof x !== 'object' || x === null) return false;
  // No test of `value` when ok: JSON drops a value that is undefined (a method returning nothing).
  const { ok, error } = x as { ok?: unknown; error?: unknown };
  return ok === true || (ok === false && isErrorData(error));
}

/** The envelope of a thrown error: an ApiError keeps its code, anything else is `internal`. */
export function errorResult(e: unknown): WireResult<never> {
  if (e instanceof ApiError) return { ok: false, error: { code: e.code, message: e.message } };
  const message = e instanceof Error ? e.message : String(e);
  return { ok: false, error: { code: 'internal', message: message || 'Internal error' } };
}

/**
 * The value of an answer, or its error thrown as an ApiError. `what` names the call
 * (`content.getStatus`) in the error raised for an answer that is not an envelope.
 */
export function unwrapResult(answer: unknown, what: string): unknown {
  if (!isWireResult(answer)) throw new ApiError('internal', `DStudio: unexpected answer to ${what}`);
  if (answer.ok) return answer.value;
  throw new ApiError(answer.error.code, answer.error.message);
}

/** URL path of one contract call over HTTP: `/api/<domain>/<method>`. */
export function apiPath(domain: Domain, method: string): string {
  return `${API_PREFIX}${encodeURIComponent(domain)}/${encodeURIComponent(method)}`;
}

/** True for any path the API answers (so the server never serves a file there). */
export function isApiPath(pathname: string): boolean {
  return pathname === API_PREFIX.slice(0, -1) || pathname.startsWith(API_PREFIX);
}

/**
 * The domain and method named by an API path, or null when the path has another shape
 * or a broken escape. Whether they name a real method is for `dispatch` to say.
 */
export function parseApiPath(pathname: string): { domain: string; method: string } | null {
  if (!pathname.startsWith(API_PREFIX)) return null;
  const parts = pathname.slice(API_PREFIX.length).split('/');
  if (parts.length !== 2) return null;
  try {
    const [domain, method] = parts.map(decodeURIComponent) as [string, string];
    return { domain, method };
  } catch {
    return null;
  }
}
