import { request } from 'node:http';
import type { Domain } from '../../shared/contract';
import { apiPath, TOKEN_HEADER } from '../../shared/contract/wire';
import type { NavNode } from '../../shared/domain';
import { HOST, type RunningServer } from './http-server';

/** One request of the warm-up and how it ended. */
export interface WarmUpStep {
  path: string;
  status: number;
}

function send(
  server: RunningServer,
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
): Promise<{ status: number; body: string }> {
  return new Promise((done, fail) => {
    const req = request(
      {
        host: HOST,
        port: server.port,
        method,
        path,
        headers: {
          host: `${HOST}:${server.port}`,
          'content-type': 'application/json',
          [TOKEN_HEADER]: server.token,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          done({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
        );
      },
    );
    req.on('error', fail);
    req.end(body === undefined ? undefined : JSON.stringify(body));
  });
}

/** The built files the UI's HTML loads (`./assets/…` in src and href attributes), as URL paths. */
function assetsOf(html: string): string[] {
  return [...html.matchAll(/\b(?:src|href)="\.?\/(assets\/[^"?#]+)"/g)].map((m) => `/${m[1]}`);
}

function firstPageOf(nodes: NavNode[]): string | null {
  for (const n of nodes) {
    if (n.pageId && !n.missing) return n.pageId;
    const below = firstPageOf(n.children);
    if (below) return below;
  }
  return null;
}

/**
 * Sends the requests a browser makes when it opens the reader — the UI's HTML and the files it
 * loads, then the shell's and the first page's calls, all of them reads — to the server that
 * just started.
 * Their one-time costs (compiling the code paths, preparing SQL statements, compiling the
 * argument schemas) are then paid while the reader's browser is still starting,
 * not while its first page waits. Nothing is written: no visit, no setting.
 */
export async function warmUp(server: RunningServer): Promise<WarmUpStep[]> {
  const steps: WarmUpStep[] = [];
  const call = async (domain: Domain, method: string, args: unknown[]) => {
    const path = apiPath(domain, method);
    const res = await send(server, 'POST', path, args);
    steps.push({ path, status: res.status });
    return res;
  };
  const html = await send(server, 'GET', '/');
  steps.push({ path: '/', status: html.status });
  // The shell's script and styles, so they are in memory (see readStaticFile) when the browser asks.
  await Promise.all(
    assetsOf(html.body).map(async (path) => {
      const res = await send(server, 'GET', path);
      steps.push({ path, status: res.status });
    }),
  );
  await Promise.all([call('user', 'getSettings', []), call('content', 'getStatus', [])]);
  const nav = await call('content', 'getNav', []);
  const parsed = JSON.parse(nav.body) as { ok: boolean; value?: NavNode[] };
  const first = parsed.ok ? firstPageOf(parsed.value ?? []) : null;
  if (first)
    await Promise.all([call('content', 'getPages', [[first]]), call('user', 'getReadingState', [first])]);
  await Promise.all([call('user', 'listBookmarks', []), call('user', 'listReadPageIds', [])]);
  return steps;
}
