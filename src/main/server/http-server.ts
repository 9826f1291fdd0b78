import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ApiErrorData, DStudioApi } from '../../shared/contract';
import { isApiPath, parseApiPath, TOKEN_HEADER, type WireResult } from '../../shared/contract/wire';
import { dispatch } from '../api-dispatch';
import type { Database } from 'better-sqlite3';
import { corpusImageResponse, isCorpusImagePath } from './corpus-image-route';
import { UI_SECURITY_HEADERS } from './csp';
import { readStaticFile, resolveStaticFile } from './static-files';

/** Loopback only: the server is never reachable from another machine. */
export const HOST = '127.0.0.1';
/** Largest accepted request body; the contract's arguments are small. */
export const MAX_BODY_BYTES = 1024 * 1024;
/**
 * The calls that carry a whole document: an export to save, a user-data backup to import, and
 * a report draft (saved, previewed, restored or imported), which the contract allows up to
 * MAX_DRAFT_CHARS: a field pasted far over its limit is still saved, so no typing is lost.
 */
const DOCUMENT_CALLS = new Set([
  'files:saveExport',
  'user:importAllData',
  'reports:saveDraft',
  'reports:previewReport',
  'reports:restoreDraft',
  'reports:importReport',
]);
/** Their body limit: the largest export (MAX_EXPORT_CHARS), JSON-escaped, fits. */
export const MAX_DOCUMENT_BODY_BYTES = 128 * 1024 * 1024;

export interface HttpServerOptions {
  api: DStudioApi;
  /** Folder of the built UI (out/renderer). */
  staticRoot: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Fixed token, for tests; a random one by default. */
  token?: string;
  /** content.db, for the corpus's images (`/corpus-image/…`); without it those answer 404. */
  contentDb?: Database;
}

export interface RunningServer {
  /** Base URL with the token, the one to open in a browser. */
  url: string;
  origin: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const STATUS_OF: Record<ApiErrorData['code'], number> = {
  'bad-arguments': 400,
  'not-found': 404,
  forbidden: 403,
  internal: 500,
};

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function sendJson(res: ServerResponse, status: number, body: WireResult): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...UI_SECURITY_HEADERS,
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
  });
  res.end(text);
}

function sendError(res: ServerResponse, status: number, message: string): void {
  const code =
    status === 403
      ? 'forbidden'
      : status === 404
        ? 'not-found'
        : status >= 500
          ? 'internal'
          : 'bad-arguments';
  sendJson(res, status, { ok: false, error: { code, message } });
}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolveBody, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limit) {
      reject(new HttpError(413, `Request body is larger than ${limit} bytes`));
      req.resume();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (chunk: Buffer) => {
      if (over) return;
      size += chunk.length;
      if (size <= limit) {
        chunks.push(chunk);
        return;
      }
      // Past the limit: keep nothing more and answer 413 now; the rest is drained (not a
      // reset connection), so the client reads the answer.
      over = true;
      chunks.length = 0;
      reject(new HttpError(413, `Request body is larger than ${limit} bytes`));
    });
    req.on('end', () => resolveBody(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function tokenMatches(given: string | null | undefined, expected: Buffer): boolean {
  if (!given) return false;
  const g = Buffer.from(given);
  return g.length === expected.length && timingSafeEqual(g, expected);
}

/**
 * Serves the built UI and the contract over HTTP on 127.0.0.1: the browser transport
 * of the same API the Electron preload exposes. Every `/api/<domain>/<method>` call
 * needs the session token; arguments are validated by `dispatch`, which never throws.
 */
export async function startHttpServer(opts: HttpServerOptions): Promise<RunningServer> {
  const token = opts.token ?? randomBytes(24).toString('base64url');
  const expected = Buffer.from(token);
  let port = 0;

  // Only these Host headers are answered, so a page on another site cannot reach the
  // server through DNS rebinding (a hostile name that resolves to 127.0.0.1).
  const hostAllowed = (host: string | undefined) =>
    host === `${HOST}:${port}` || host === `localhost:${port}`;

  async function handleApi(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const given = (req.headers[TOKEN_HEADER] as string | undefined) ?? url.searchParams.get('token');
    if (!tokenMatches(given, expected)) return sendError(res, 403, 'Missing or wrong session token');
    if (req.method !== 'POST') {
      res.setHeader('allow', 'POST');
      return sendError(res, 405, 'Use POST for API calls');
    }
    const route = parseApiPath(url.pathname);
    if (!route) return sendError(res, 404, `No API route ${url.pathname}`);
    const contentType = req.headers['content-type'] ?? '';
    if (!/^application\/json\b/i.test(contentType))
      return sendError(res, 415, 'API calls take a JSON body (content-type: application/json)');
    const isDocument = DOCUMENT_CALLS.has(`${route.domain}:${route.method}`);
    const body = await readBody(req, isDocument ? MAX_DOCUMENT_BODY_BYTES : MAX_BODY_BYTES);
    let args: unknown;
    try {
      args = body.length === 0 ? [] : JSON.parse(body.toString('utf8'));
    } catch {
      return sendError(res, 400, 'The request body is not valid JSON');
    }
    const result = await dispatch(opts.api, route.domain, route.method, args);
    sendJson(res, result.ok ? 200 : STATUS_OF[result.error.code], result);
  }

  async function handleStatic(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { ...UI_SECURITY_HEADERS, allow: 'GET, HEAD' });
      res.end();
      return;
    }
    if (isCorpusImagePath(url.pathname) && opts.contentDb) {
      const image = corpusImageResponse(opts.contentDb, url.pathname, req.headers['if-none-match']);
      res.writeHead(image.status, image.headers);
      res.end(req.method === 'HEAD' ? undefined : (image.body ?? undefined));
      return;
    }
    const file = resolveStaticFile(opts.staticRoot, url.pathname);
    if (!file) {
      res.writeHead(404, { ...UI_SECURITY_HEADERS, 'content-type': 'text/plain; charset=utf-8' });
      res.end('Not found');
      return;
    }
    // Read before the head is written, so a file that cannot be read is a 500, not a cut-off answer.
    const bytes = req.method === 'HEAD' ? null : await readStaticFile(file);
    res.writeHead(200, {
      ...UI_SECURITY_HEADERS,
      'content-type': file.type,
      'content-length': bytes?.length ?? file.size,
      // Built assets carry a content hash in their names; the HTML that names them must be re-fetched.
      'cache-control': file.type.startsWith('text/html') ? 'no-cache' : 'max-age=31536000, immutable',
    });
    if (bytes) res.end(bytes);
    else res.end();
  }

  const server = createServer((req, res) => {
    void (async () => {
      try {
        if (!hostAllowed(req.headers.host)) return sendError(res, 403, 'Unexpected Host header');
        const url = new URL(req.url ?? '/', `http://${HOST}:${port}`);
        if (isApiPath(url.pathname)) await handleApi(req, res, url);
        else await handleStatic(req, res, url);
      } catch (e) {
        if (res.headersSent) res.destroy();
        else if (e instanceof HttpError) sendError(res, e.status, e.message);
        else sendError(res, 500, (e as Error).message || 'Internal error');
      }
    })();
  });
  server.requestTimeout = 30_000;

  await new Promise<void>((ready, fail) => {
    server.once('error', fail);
    server.listen(opts.port ?? 0, HOST, () => {
      server.off('error', fail);
      ready();
    });
  });
  port = (server.address() as AddressInfo).port;
  const origin = `http://${HOST}:${port}`;
  return {
    origin,
    url: `${origin}/?token=${encodeURIComponent(token)}`,
    port,
    token,
    close: () =>
      new Promise<void>((done) => {
        server.close(() => done());
        server.closeAllConnections();
      }),
  };
}
