// A fetch for the client that answers from a handler and records every request it was sent
// (cloned, so a test can still read each body).
export function fakeGateway(handler: (request: Request) => Response | Promise<Response>): { sent: Request[]; fetch: typeof fetch } {
  const sent: Request[] = [];
  const fetchFn = async (request: Request) => {
    sent.push(request.clone());
    return handler(request);
  };
  return { sent, fetch: fetchFn as unknown as typeof fetch };
}
