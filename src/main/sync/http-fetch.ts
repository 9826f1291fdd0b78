/** Why a request to the content server failed, in words the user can act on. */
export class SyncHttpError extends Error {
  constructor(
    message: string,
    /** Worth another attempt (5xx, reset, stall, timeout). */
    readonly retryable = false,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'SyncHttpError';
  }
}

/** The server's rate limit is spent; `resetAt` (ISO) is when it says to come back. */
export class RateLimitError extends Error {
  constructor(
    readonly resetAt: string,
    readonly waitMs: number,
  ) {
    super(
      `GitHub's rate limit is used up until ${resetAt}. Try again then, or give a token (--token-env) for a higher limit.`,
    );
    this.name = 'RateLimitError';
  }
}

export class SyncCancelledError extends Error {
  constructor() {
    super('The update was cancelled; the content is unchanged.');
    this.name = 'SyncCancelledError';
  }
}

export interface FetchLimits {
  /** No response headers within this time: the attempt fails (retryable). */
  headersTimeoutMs: number;
  /** No body bytes for this long: the body is cut off (retryable). */
  idleTimeoutMs: number;
  /** Attempts per request for retryable failures. */
  attempts: number;
  /** First backoff; doubled per attempt. */
  backoffMs: number;
  /** Wait for a rate-limit reset up to this long; beyond, stop with RateLimitError. */
  maxRateLimitWaitMs: number;
  /** Redirects followed per request. */
  maxRedirects: number;
}

export const DEFAULT_LIMITS: FetchLimits = {
  headersTimeoutMs: 20_000,
  idleTimeoutMs: 20_000,
  attempts: 4,
  backoffMs: 500,
  maxRateLimitWaitMs: 60_000,
  maxRedirects: 3,
};

export interface FetchedBody {
  status: number;
  headers: Headers;
  body: Uint8Array;
}

/** Counts what an update costs. */
export interface Usage {
  requests: number;
  bytes: number;
}

/** HTTPS only, except plain HTTP to this machine (tests, a local mirror). */
export function assertAllowedUrl(url: URL): void {
  if (url.protocol === 'https:') return;
  const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
  if (url.protocol === 'http:' && loopback) return;
  throw new SyncHttpError(`Refusing ${url.protocol}//${url.host}: content updates use HTTPS only.`);
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new SyncCancelledError());
    const t = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(t);
      reject(new SyncCancelledError());
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** How long GitHub asks us to wait (retry-after, or x-ratelimit-reset when the limit is spent), else null. */
export function rateLimitWaitMs(status: number, headers: Headers, now = Date.now()): number | null {
  if (status !== 403 && status !== 429) return null;
  const retryAfter = headers.get('retry-after');
  if (retryAfter !== null && /^\d+$/.test(retryAfter)) return Number(retryAfter) * 1000;
  const reset = headers.get('x-ratelimit-reset');
  if (headers.get('x-ratelimit-remaining') === '0' && reset !== null && /^\d+$/.test(reset))
    return Math.max(0, Number(reset) * 1000 - now);
  // GitHub's secondary limit may come without a reset time: it documents waiting a minute.
  if (status === 429) return 60_000;
  return null;
}

/** Reads a body, cutting it off past `maxBytes` (an endless body) or after `idleMs` without a byte (a stalled one). */
async function readCapped(
  res: Response,
  maxBytes: number,
  idleMs: number,
  signal?: AbortSignal,
): Promise<Uint8Array> {
  if (!res.body) return new Uint8Array();
  const declared = Number(res.headers.get('content-length') ?? NaN);
  if (declared > maxBytes) {
    await res.body.cancel();
    throw new SyncHttpError(`The server sent ${declared} bytes where at most ${maxBytes} are allowed.`);
  }
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    let timer: NodeJS.Timeout | undefined;
    const stalled = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new SyncHttpError(`The download stalled (no data for ${idleMs / 1000} s).`, true)),
        idleMs,
      );
    });
    let chunk: Awaited<ReturnType<typeof reader.read>>;
    try {
      chunk = await Promise.race([reader.read(), stalled]);
    } catch (e) {
      void reader.cancel().catch(() => {});
      if (signal?.aborted) throw new SyncCancelledError();
      if (e instanceof SyncHttpError) throw e;
      throw new SyncHttpError(`The connection broke mid-download (${(e as Error).message}).`, true);
    } finally {
      clearTimeout(timer);
    }
    if (chunk.done) break;
    total += chunk.value.byteLength;
    if (total > maxBytes) {
      void reader.cancel().catch(() => {});
      throw new SyncHttpError(`The server sent more than ${maxBytes} bytes; cut off.`);
    }
    chunks.push(chunk.value);
  }
  return Buffer.concat(chunks);
}

export interface GetOptions {
  headers: Record<string, string>;
  maxBytes: number;
  /** Statuses returned to the caller rather than thrown (e.g. 304). */
  accept?: number[];
  signal?: AbortSignal;
}

/**
 * GET with everything a flaky network needs: timeouts, a stall cut-off, retries with
 * backoff for 5xx/resets/stalls, GitHub's rate-limit headers honoured, redirects limited
 * and re-checked (HTTPS only), the Authorization header dropped when a redirect leaves
 * the API's origin. Built on the platform's fetch (undici), which has no retry, stall or
 * body-cap policy of its own.
 */
export async function getWithRetries(
  url: string,
  opts: GetOptions,
  limits: FetchLimits,
  usage: Usage,
): Promise<FetchedBody> {
  let lastError: Error = new SyncHttpError('No attempt was made.');
  for (let attempt = 0; attempt < limits.attempts; attempt++) {
    if (attempt > 0) await sleep(limits.backoffMs * 2 ** (attempt - 1), opts.signal);
    try {
      return await getOnce(url, opts, limits, usage);
    } catch (e) {
      if (e instanceof RateLimitError) {
        if (e.waitMs > limits.maxRateLimitWaitMs) throw e;
        await sleep(e.waitMs, opts.signal);
        lastError = e;
        continue;
      }
      if (!(e instanceof SyncHttpError) || !e.retryable) throw e;
      lastError = e;
    }
  }
  throw lastError;
}

async function getOnce(
  url: string,
  opts: GetOptions,
  limits: FetchLimits,
  usage: Usage,
): Promise<FetchedBody> {
  let current = new URL(url);
  const origin = current.origin;
  for (let hop = 0; ; hop++) {
    assertAllowedUrl(current);
    const headers = { ...opts.headers };
    if (current.origin !== origin) delete headers.Authorization;
    const ctl = new AbortController();
    const onAbort = () => ctl.abort();
    opts.signal?.addEventListener('abort', onAbort, { once: true });
    const timer = setTimeout(() => ctl.abort(), limits.headersTimeoutMs);
    let res: Response;
    usage.requests++;
    try {
      res = await fetch(current, { headers, redirect: 'manual', signal: ctl.signal });
    } catch (e) {
      if (opts.signal?.aborted) throw new SyncCancelledError();
      const why = ctl.signal.aborted
        ? 'no answer in time'
        : ((e as Error).cause as Error | undefined)?.message;
      throw new SyncHttpError(
        `Could not reach ${current.host} (${why ?? (e as Error).message}). Are you online?`,
        true,
      );
    } finally {
      clearTimeout(timer);
    }
    try {
      if (res.status >= 300 && res.status < 400 && res.status !== 304) {
        const location = res.headers.get('location');
        await res.body?.cancel();
        if (!location) throw new SyncHttpError(`${current.pathname}: redirect without a location.`);
        if (hop >= limits.maxRedirects) throw new SyncHttpError(`Too many redirects from ${url}.`);
        current = new URL(location, current);
        continue;
      }
      const wait = rateLimitWaitMs(res.status, res.headers);
      if (wait !== null) {
        await res.body?.cancel();
        throw new RateLimitError(new Date(Date.now() + wait).toISOString(), wait);
      }
      if (res.status >= 500) {
        await res.body?.cancel();
        throw new SyncHttpError(
          `${current.host} answered ${res.status} for ${current.pathname}.`,
          true,
          res.status,
        );
      }
      if (res.status !== 200 && !opts.accept?.includes(res.status)) {
        await res.body?.cancel();
        throw new SyncHttpError(
          `${current.host} answered ${res.status} for ${current.pathname}` +
            (res.status === 404 ? ': check the repository and branch names.' : '.'),
          false,
          res.status,
        );
      }
      const body = await readCapped(res, opts.maxBytes, limits.idleTimeoutMs, ctl.signal);
      usage.bytes += body.byteLength;
      return { status: res.status, headers: res.headers, body };
    } finally {
      opts.signal?.removeEventListener('abort', onAbort);
    }
  }
}
