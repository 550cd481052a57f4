// Huawei's official Node.js SDK signer (AKSKSigner), the oracle the signing tests compare with,
// and the published test credentials of Huawei's signing guide.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export const { AKSKSigner } = require('@huaweicloud/huaweicloud-sdk-core/auth/AKSKSigner') as {
  AKSKSigner: { sign(request: unknown, credential: { getAk(): string; getSk(): string }): Record<string, string> };
};

/** AK/SK of the signing guide's published example. */
export const GUIDE_AKSK = { ak: 'QTWAOYTTINDUT2QVKYUC', sk: 'MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc' };

