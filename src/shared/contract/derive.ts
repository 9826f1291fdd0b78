import { API_METHODS, type DStudioApi, type Domain } from './index';

/** Carries one call across a boundary (IPC, HTTP, …) and returns its value. */
export type Caller = (domain: Domain, method: string, args: unknown[]) => Promise<unknown>;

/**
 * Builds an object implementing the whole contract from one `call` function: one
 * function per method of API_METHODS and nothing else. Every client of the contract
 * (the preload bridge, the HTTP client, the renderer's api module) is derived this way,
 * so no method is written out by hand twice. The result is frozen.
 */
export function deriveApi(call: Caller): DStudioApi {
  const api: Record<string, Readonly<Record<string, (...args: unknown[]) => Promise<unknown>>>> = {};
  for (const domain of Object.keys(API_METHODS) as Domain[]) {
    const methods: Record<string, (...args: unknown[]) => Promise<unknown>> = {};
    for (const method of API_METHODS[domain]) methods[method] = (...args) => call(domain, method, args);
    api[domain] = Object.freeze(methods);
  }
  return Object.freeze(api) as unknown as DStudioApi;
}

/**
 * Arguments as plain JSON data: trailing `undefined`s dropped (JSON would turn them into
 * `null`, which optional schema fields refuse) and reactive proxies unwrapped (Electron's
 * structured clone refuses Vue's Proxy objects).
 */
export function plainArgs(args: unknown[]): unknown[] {
  let end = args.length;
  while (end > 0 && args[end - 1] === undefined) end--;
  return JSON.parse(JSON.stringify(args.slice(0, end))) as unknown[];
}
