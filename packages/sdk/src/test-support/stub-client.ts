import { afterEach } from "vitest";
import { Keyward, type KeywardOptions } from "../client.js";
import { VALID_TEST_KEY, startStubServer, type StubHandler, type StubServer } from "./stub-server.js";

export type StubClientFactory = (
  handler: StubHandler,
  options?: Omit<KeywardOptions, "baseUrl">,
) => Promise<{ client: Keyward; server: StubServer }>;

/**
 * For a test file: returns a function that starts a stub server answering with `handler` and
 * a client pointed at it (with the format's test-vector key). Every stub closes after its test.
 *
 * @example
 * const clientFor = useStubClient();
 * const { client, server } = await clientFor(() => ({ body: { status: "ok" } }));
 */
export function useStubClient(): StubClientFactory {
  const started: StubServer[] = [];
  afterEach(async () => {
    await Promise.all(started.splice(0).map((server) => server.close()));
  });
  return async (handler, options = {}) => {
    const server = await startStubServer(handler);
    started.push(server);
    return { client: new Keyward({ apiKey: VALID_TEST_KEY, ...options, baseUrl: server.url }), server };
  };
}
