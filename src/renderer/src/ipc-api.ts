import type { Caller } from '../../shared/contract/derive';
import { plainArgs } from '../../shared/contract/derive';
import { unwrapResult, type WireApi } from '../../shared/contract/wire';

/**
 * One call of the contract over the Electron preload's bridge: the envelope it answers
 * with becomes the value or a thrown ApiError, exactly as over HTTP (http-api.ts).
 */
export function bridgeCaller(bridge: WireApi): Caller {
  return async (domain, method, args) => {
    const service = bridge[domain] as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>;
    // Plain copies of the arguments: the bridge's structured clone refuses Vue's reactive proxies.
    return unwrapResult(await service[method]!(...plainArgs(args)), `${domain}.${method}`);
  };
}
