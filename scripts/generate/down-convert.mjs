// The OpenAPI 3.0.3 rendering of the bundled 3.1 document, for tools that read 3.0 only
// (openapi-backend's default check, swagger-parser on a 3.0 copy, older generators).
// @apiture/openapi-down-convert does the schema work (`examples` → `example`, license
// `identifier`, …); what it leaves behind that 3.0 does not allow is finished here.
import openapiDownConvert from '@apiture/openapi-down-convert';

const { Converter } = openapiDownConvert;

/**
 * @param {import('../openapi.d.mts').Document} bundled
 * @returns {import('../openapi.d.mts').Document} the 3.0.3 rendering (of the same shape where the scripts read it)
 */
export function downConvert(bundled) {
  const doc = /** @type {import('../openapi.d.mts').Document} */ (new Converter(structuredClone(bundled), { verbose: false }).convert());
  // 3.0's Info object has no `summary`: keep its text as the description's first paragraph.
  if (doc.info.summary !== undefined) {
    const { summary, ...info } = doc.info;
    doc.info = { ...info, description: info.description ? `${summary}\n\n${info.description}` : summary };
  }
  return doc;
}
