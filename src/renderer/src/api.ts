import type { DStudioApi, Domain } from '../../shared/contract';
import { deriveApi, plainArgs, type Caller } from '../../shared/contract/derive';
import { httpCaller } from './http-api';
import { bridgeCaller } from './ipc-api';

/**
 * The renderer's one way to the main side: the Electron preload's bridge when it is
 * there, otherwise the HTTP transport of `dstudio serve` with the token from the URL.
 * Only stores import `api`; first-screen.ts alone uses `prefetch`. Tests replace this module.
 */
function connect(): Caller {
  const bridge = window.dstudio;
  if (bridge) return bridgeCaller(bridge);
  const token = new URLSearchParams(window.location.search).get('token') ?? '';
  return httpCaller(window.location.origin, token, (url, init) => window.fetch(url, init));
}

const send = connect();

/** How long a prefetched answer waits to be taken: it is meant for the start-up only. */
const EARLY_TTL_MS = 10_000;

/** Answers asked for by `prefetch` and not yet taken, by call (domain, method, arguments). */
const early = new Map<string, { at: number; answer: Promise<unknown> }>();

function keyOf(domain: Domain, method: string, args: unknown[]): string {
  return `${domain}.${method}(${JSON.stringify(plainArgs(args))})`;
}

export const api: DStudioApi = deriveApi((domain, method, args) => {
  if (early.size > 0) {
    const key = keyOf(domain, method, args);
    const hit = early.get(key);
    early.delete(key);
    if (hit && performance.now() - hit.at < EARLY_TTL_MS) return hit.answer;
  }
  return send(domain, method, args);
});

/**
 * The same contract, for the reads the first screen needs, asked for before the code that
 * needs them has run (first-screen.ts): each call is sent at once, and the first `api` call with
 * the same method and arguments within a few seconds takes its answer instead of asking
 * again. Only for reads that nothing done during start-up changes.
 */
export const prefetch: DStudioApi = deriveApi((domain, method, args) => {
  const answer = send(domain, method, args);
  // Nobody may ever take it (the route changed first): its failure is not an unhandled one.
  answer.catch(() => undefined);
  early.set(keyOf(domain, method, args), { at: performance.now(), answer });
  return answer;
});
