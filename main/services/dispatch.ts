/**
 * The one entry point every transport uses: validate the untrusted call against the
 * contract, run the implementation, and return an envelope (errors as data).
 */
import type { AtlasApi } from '../../shared/api/contract.ts';
import { toErrorData } from '../../shared/api/errors.ts';
import type { Envelope } from '../../shared/api/errors.ts';
import { validateCall } from '../../shared/api/validate.ts';

export async function dispatchCall(api: AtlasApi, method: unknown, params: unknown): Promise<Envelope<unknown>> {
  try {
    const call = validateCall(method, params);
    const handler = api[call.method] as (p: unknown) => Promise<unknown>;
    return { ok: true, value: await handler(call.params) };
  } catch (error) {
    return { ok: false, error: toErrorData(error) };
  }
}
