// The mock: Prism's own engine (@stoplight/prism-http) behind a small node:http layer that
// adds what plain `prism mock` lacks: Huawei error bodies naming the field, a fresh
// X-Request-Id, defensive body parsing (plain prism-cli dies on deeply nested JSON), and the
// docs and bundled document on the same port. Ships with the package (`apig-app-contract/mock`).
// Wired here from its parts: api.mjs (Prism and the stores), pages.mjs, the stores and the core.
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import { systemError } from '../core/huawei-errors.mjs';
import { parseCredentials } from '../core/credentials.mjs';
import { frontDoor } from '../core/front-door.mjs';
import { AppStore, DEFAULT_QUOTA } from './app-store.mjs';
import { readBody } from '../core/request-body.mjs';
import { listenOn } from '../core/listen.mjs';
import { readTarget } from '../core/request-target.mjs';
import { MAX_HEADER_BYTES, answerBadHttp, badHttpAnswer, newRequestId, refuseExpectation } from '../core/http-answers.mjs';
import { checkedSeed } from './seed.mjs';
import { loadOperations } from '../core/prism-operations.mjs';
import { PRISM_PACKAGE, loadPrism } from '../core/load-prism.mjs';
import { apiAnswerer } from './api.mjs';
import { pagesNaming, staticPages } from './pages.mjs';
import { CORS_HEADERS, send } from './answers.mjs';

export { PRISM_PACKAGE };

/** @typedef {import('./types.d.mts').MockServerOptions} MockServerOptions */
/** @typedef {import('./types.d.mts').RunningMockServer} RunningMockServer */
/** @typedef {import('./api.mjs').ServedRequest} ServedRequest */
/** @typedef {import('./pages.mjs').Page} Page */
/** @typedef {import('node:http').ServerResponse} Response */

/** The documents and pages beside this folder: the package's generated/. */
const GENERATED = fileURLToPath(new URL('../../generated/', import.meta.url));

/**
 * A CORS preflight: any origin may call the mock from a page.
 * @param {ServedRequest} req
 * @param {Response} res
 */
function answerPreflight(req, res) {
  res.writeHead(204, {
    ...CORS_HEADERS,
    'access-control-allow-methods': 'GET, POST, PUT, DELETE, OPTIONS',
    'access-control-allow-headers': req.headers['access-control-request-headers'] ?? '*',
    'access-control-max-age': '600',
  });
  res.end();
}

/**
 * A page or document served beside the API.
 * @param {ServedRequest} req
 * @param {Response} res
 * @param {Page} page
 */
function servePage(req, res, { body, type }) {
  res.writeHead(200, { 'content-type': type, 'content-length': body.length, ...CORS_HEADERS });
  // Stryker disable next-line ConditionalExpression,StringLiteral: node:http sends no body on a HEAD answer whatever is passed; passing none says so
  res.end(req.method === 'HEAD' ? undefined : body);
}

/**
 * Starts the mock. Resolves to { url, served, close } once it listens. (Typed by ./types.d.mts,
 * which the package's `apig-app-contract/mock` export declares: checked here against this code.)
 * @param {MockServerOptions} [options]
 *   stateless: answer every call with its page example; quota: APPs per tenant (APIG.3103 past it);
 *   seed: APPs to start with (and to return to on POST /_mock/reset), per tenant (`v1.0 <token or AK>`,
 *     `v1 <project> <instance>`, `v2 …`), each checked against the contract (see seed.mjs);
 *   credentials: { tokens, aksk } (see credentials.mjs): only these are accepted, signatures checked
 * @returns {Promise<RunningMockServer>}
 */
export async function startMockServer({
  port = 4010,
  host = '127.0.0.1',
  generatedDir = GENERATED,
  stateless = false,
  quota = DEFAULT_QUOTA,
  seed,
  credentials,
} = {}) {
  const { prism: engine, version } = await loadPrism();
  const operations = await loadOperations(engine, generatedDir, version);
  // Stateful by default: what is created can be listed, shown, changed and deleted. Stateless,
  // every call answers its page's example, as plain Prism does.
  const store = stateless ? undefined : new AppStore({ quota });
  if (store && seed) store.seed(await checkedSeed(seed));
  const door = credentials ? frontDoor(parseCredentials(credentials)) : undefined;
  const answerApi = apiAnswerer({ engine, operations, store, door });
  /** @type {{ pages: Record<string, Page> }} named for this mock's URL once it listens */
  const served = { pages: staticPages(generatedDir) };

  /**
   * @param {ServedRequest} req
   * @param {Response} res
   */
  async function handle(req, res) {
    // Read the whole request before answering, whatever the route: answering early leaves
    // unread bytes on a keep-alive connection, and the client's next request may hit a reset.
    const read = await readBody(req);
    if (read.aborted) return;
    const target = readTarget(req.url);
    const path = target.path.replace(/\/+$/, '') || '/';
    if (req.method === 'OPTIONS') return answerPreflight(req, res);
    // The mock's own control, outside the contract's paths: back to the seed (or to no APP).
    if (req.method === 'POST' && path === '/_mock/reset') {
      store?.reset();
      door?.reset();
      res.writeHead(204, { ...CORS_HEADERS, 'x-request-id': newRequestId() });
      res.end();
      return;
    }
    const page = served.pages[path];
    if ((req.method === 'GET' || req.method === 'HEAD') && page) return servePage(req, res, page);
    await answerApi(req, res, read, target);
  }

  const server = mockServer(handle);
  const url = await listenOn(server, port, host);
  served.pages = pagesNaming(served.pages, url);
  return {
    url,
    /** The pages and documents this mock serves (those generated/ holds). */
    served: Object.keys(served.pages),
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/**
 * The HTTP server around `handle`: a bug in one exchange is answered 500 and the mock goes on;
 * what node:http refuses itself is answered with the Huawei error body.
 * @param {(req: ServedRequest, res: Response) => Promise<void>} handle
 */
function mockServer(handle) {
  const server = createServer({ maxHeaderSize: MAX_HEADER_BYTES, keepAliveTimeout: 65_000 }, (req, res) => {
    handle(/** @type {ServedRequest} */ (req), res).catch((error) => {
      // A bug here must not take the mock down: answer 500 and keep serving.
      console.error(`mock: internal error on ${req.method} ${String(req.url).slice(0, 200)}: ${error?.stack ?? error}`);
      if (!res.headersSent) send(res, 500, systemError());
      else res.destroy();
    });
  });
  server.on('checkExpectation', (_req, res) => refuseExpectation(res));
  // Malformed HTTP (oversized headers, bad framing): answer 400 with the error body.
  server.on('clientError', (error, socket) => {
    const answer = badHttpAnswer(error);
    if (!answer) return socket.destroy();
    answerBadHttp(socket, answer);
  });
  return server;
}
