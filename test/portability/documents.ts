// The two renderings every consumer is tried on.
import { fileURLToPath } from 'node:url';

const generated = (name: string) => fileURLToPath(new URL(`../../generated/${name}`, import.meta.url));

export const DOCUMENTS = [
  { name: 'OpenAPI 3.1 (generated/openapi.json)', path: generated('openapi.json') },
  { name: 'OpenAPI 3.0.3 (generated/openapi-3.0.json)', path: generated('openapi-3.0.json') },
] as const;
