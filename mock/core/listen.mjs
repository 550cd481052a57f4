// Starts a node:http server listening and names where: `http://host:port` (IPv6 in brackets).
// The mock and the proxy both listen this way.

/**
 * Resolves to the server's URL once it listens; rejects with the listen error (EADDRINUSE…).
 * @param {import('node:http').Server} server
 * @param {number} port
 * @param {string} host
 * @returns {Promise<string>}
 */
export async function listenOn(server, port, host) {
  await new Promise((/** @type {(value?: void) => void} */ resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  // Listening on a port (not a pipe): an address, a family and a port.
  const address = /** @type {import('node:net').AddressInfo} */ (server.address());
  return `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`;
}
