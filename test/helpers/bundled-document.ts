// The bundled OpenAPI document (generated/openapi.json) and ajv validators for its schemas.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import formats from 'ajv-formats';

// ajv-formats is CommonJS with `exports.default`; under NodeNext the default import is the module.
const addFormats = (formats as unknown as { default: (ajv: Ajv2020) => Ajv2020 }).default;

export type OpenApiDocument = Record<string, any>;

export const BUNDLED_PATH = fileURLToPath(new URL('../../generated/openapi.json', import.meta.url));

export function loadBundledDocument(): OpenApiDocument {
  return JSON.parse(readFileSync(BUNDLED_PATH, 'utf8'));
}

const DOC_ID = 'urn:apig-app-contract:openapi';

/** Compiles validators for `#/components/schemas/<name>` of a document. */
export function schemaValidators(doc: OpenApiDocument) {
  // OpenAPI 3.1 schemas are JSON Schema 2020-12; the document wrapper is not a schema, so
  // only its components are registered (strict off for the wrapper's non-schema keys).
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv);
  ajv.addSchema({ $id: DOC_ID, components: doc.components }, DOC_ID);
  const cache = new Map<string, ValidateFunction>();
  return (name: string): ValidateFunction => {
    let validate = cache.get(name);
    if (!validate) {
      validate = ajv.getSchema(`${DOC_ID}#/components/schemas/${name}`);
      if (!validate) throw new Error(`No schema #/components/schemas/${name} in the document`);
      cache.set(name, validate);
    }
    return validate;
  };
}
