import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";

/** A request the stub received, with its JSON body parsed. */
export interface StubRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: unknown;
}

/** What the stub answers. `hang` never answers; `drop` closes the connection without answering. */
export type StubReply =
  | { status?: number; headers?: Record<string, string>; body?: unknown; rawBody?: string }
  | { hang: true }
  | { drop: true };

/** Decides the reply; `index` is the 0-based number of the request. */
export type StubHandler = (request: StubRequest, index: number) => StubReply | Promise<StubReply>;

export interface StubServer {
  url: string;
  requests: StubRequest[];
  close(): Promise<void>;
}

/**
 * A local HTTP server that answers whatever a test tells it to, for SDK behaviours the real
 * server cannot be made to show on demand (5xx, stalls, dropped connections) or does not serve yet.
 *
 * @example const stub = await startStubServer(() => ({ body: { status: "ok" } }));
 */
export async function startStubServer(handler: StubHandler): Promise<StubServer> {
  const requests: StubRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const text = Buffer.concat(chunks).toString("utf8");
      let body: unknown = text === "" ? undefined : text;
      try {
        body = text === "" ? undefined : JSON.parse(text);
      } catch {
        // keep the text
      }
      const request: StubRequest = { method: req.method ?? "", url: req.url ?? "", headers: req.headers, body };
      requests.push(request);
      Promise.resolve(handler(request, requests.length - 1)).then((reply) => {
        if ("hang" in reply) return;
        if ("drop" in reply) {
          req.socket.destroy();
          return;
        }
        const payload = reply.rawBody ?? (reply.body === undefined ? "" : JSON.stringify(reply.body));
        res.writeHead(reply.status ?? 200, { "content-type": "application/json", ...reply.headers });
        res.end(payload);
      }, (error: unknown) => {
        res.writeHead(599).end(String(error));
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The format's test vector: a well-formed key that was never issued by any server. */
export const VALID_TEST_KEY = "sk_live_KWca3u3QdQSySsT7c3BqyMktFvtm2qyB1CC90meqyC";
