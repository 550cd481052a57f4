// Huawei's official Node.js SDK signer (AKSKSigner), the oracle the signing tests compare with,
// and the published test credentials of Huawei's signing guide.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export const { AKSKSigner } = require('@huaweicloud/huaweicloud-sdk-core/auth/AKSKSigner') as {
  AKSKSigner: { sign(request: unknown, credential: { getAk(): string; getSk(): string }): Record<string, string> };
};

/** AK/SK of the signing guide's published example. */
export const GUIDE_AKSK = { ak: 'QTWAOYTTINDUT2QVKYUC', sk: 'MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc' };

/**
 * The official signer's Authorization for a request exactly as it was sent: its headers (the
 * SDK adds its own X-Sdk-Date unless given one under that exact name), its query with repeated
 * values kept, and its JSON body.
 */
export async function officialAuthorization(request: Request, credentials: { ak: string; sk: string } = GUIDE_AKSK): Promise<string> {
  const url = new URL(request.url);
  const headers = Object.fromEntries([...request.headers].filter(([k]) => k !== 'authorization').map(([k, v]) => [k === 'x-sdk-date' ? 'X-Sdk-Date' : k, v]));
  const queryParams: Record<string, string | string[]> = {};
  for (const [k, v] of url.searchParams) queryParams[k] = k in queryParams ? [queryParams[k]!, v].flat() : v;
  const body = await request.clone().text();
  return AKSKSigner.sign(
    { endpoint: `${url.origin}${url.pathname}`, method: request.method, headers, queryParams, data: body ? JSON.parse(body) : undefined },
    { getAk: () => credentials.ak, getSk: () => credentials.sk },
  ).Authorization!;
}
