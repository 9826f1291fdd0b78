import { API_METHODS, type DStudioApi, type Domain } from '../shared/contract';
import { parseArgs } from '../shared/contract/args';
import { errorResult, type WireResult } from '../shared/contract/wire';

/**
 * Validates and runs one contract call. Shared by the IPC registration and the HTTP
 * transport so both check arguments the same way and answer with the same envelope;
 * never throws.
 */
export async function dispatch(
  api: DStudioApi,
  domain: string,
  method: string,
  args: unknown,
): Promise<WireResult> {
  if (
    !Object.hasOwn(API_METHODS, domain) ||
    !(API_METHODS[domain as Domain] as readonly string[]).includes(method)
  ) {
    return { ok: false, error: { code: 'not-found', message: `Unknown method ${domain}.${method}` } };
  }
  let parsed: unknown[];
  try {
    parsed = parseArgs(domain, method, args);
  } catch (e) {
    return { ok: false, error: { code: 'bad-arguments', message: (e as Error).message } };
  }
  try {
    const service = api[domain as Domain] as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>;
    return { ok: true, value: await service[method]!(...parsed) };
  } catch (e) {
    return errorResult(e);
  }
}
