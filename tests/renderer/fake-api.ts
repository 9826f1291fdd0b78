import type { DStudioApi, Domain } from '../../src/shared/contract';
import { deriveApi } from '../../src/shared/contract/derive';

/** Implementations of some contract methods; a call to any other one is recorded as unexpected. */
export type FakeImpl = { [D in Domain]?: Partial<DStudioApi[D]> };

export interface Call {
  domain: Domain;
  method: string;
  args: unknown[];
}

let impl: FakeImpl = {};
/** Every call made, in order. */
export const calls: Call[] = [];
/** Calls to methods the test did not implement (a test asserts this stays empty). */
export const unexpected: string[] = [];

/** Sets what the fake answers, and forgets earlier calls. */
export function useFakeApi(next: FakeImpl): void {
  impl = next;
  calls.length = 0;
  unexpected.length = 0;
}

/** Calls of one method, as argument lists. */
export function callsOf(domain: Domain, method: string): unknown[][] {
  return calls.filter((c) => c.domain === domain && c.method === method).map((c) => c.args);
}

/**
 * Stands in for src/renderer/src/api.ts (the only module tests replace, with
 * `vi.mock('…/src/renderer/src/api', () => import('…/fake-api'))`): the whole contract,
 * derived like the real clients, answering from the implementations given to useFakeApi.
 */
export const api: DStudioApi = deriveApi(async (domain, method, args) => {
  calls.push({ domain, method, args });
  const fn = (
    impl[domain] as Record<string, ((...a: unknown[]) => Promise<unknown>) | undefined> | undefined
  )?.[method];
  if (!fn) {
    unexpected.push(`${domain}.${method}`);
    throw new Error(`fake api: ${domain}.${method} is not implemented in this test`);
  }
  return fn(...args);
});

/** A controllable promise, to answer a call later (or out of order). */
export function deferred<T>(): {
  promise: Promise<T>;
  resolve: (v: T) => void;
  reject: (e: unknown) => void;
} {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}
