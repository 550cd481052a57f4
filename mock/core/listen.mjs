// Starts a node:http server listening and names where: `http://host:port` (IPv6 in brackets).
// The mock and the proxy both listen this way.

/** Resolves to the server's URL once it listens; rejects with the listen error (EADDRINUSE…). */
export async function listenOn(server, port, host) {
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  return `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`;
}
