import { inspect } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
import { Keyward } from "./client.js";
import { AuthenticationError, InvalidApiKeyError, KeywardError } from "./errors.js";
import { useStubClient } from "./test-support/stub-client.js";
import { VALID_TEST_KEY } from "./test-support/stub-server.js";

const clientFor = useStubClient();
const savedKey = process.env.KEYWARD_API_KEY;

afterEach(() => {
  if (savedKey === undefined) delete process.env.KEYWARD_API_KEY;
  else process.env.KEYWARD_API_KEY = savedKey;
});

const MISTYPED = `${VALID_TEST_KEY.slice(0, -1)}D`;

function constructionError(apiKey: string | undefined, fetch: () => Promise<Response>): unknown {
  try {
    new Keyward({ apiKey, baseUrl: "http://127.0.0.1:9", fetch });
  } catch (error) {
    return error;
  }
  return undefined;
}

describe("key handling", () => {
  it.each([
    ["a wrong checksum", MISTYPED],
    ["a cut-off key", VALID_TEST_KEY.slice(0, 40)],
    ["a publishable-looking key", VALID_TEST_KEY.replace("sk_", "pk_")],
    ["a bearer header pasted as the key", `Bearer ${VALID_TEST_KEY}`],
  ])("rejects %s before sending anything, without quoting it", (_label, apiKey) => {
    let calls = 0;
    const error = constructionError(apiKey, async () => {
      calls++;
      return new Response("{}");
    });
    expect(error).toBeInstanceOf(InvalidApiKeyError);
    expect(error).toBeInstanceOf(KeywardError);
    expect((error as Error).message).not.toContain(apiKey.slice(8, 30));
    expect(calls).toBe(0);
  });

  it("rejects a missing key and says how to give one", () => {
    delete process.env.KEYWARD_API_KEY;
    const error = constructionError(undefined, async () => new Response("{}"));
    expect(error).toBeInstanceOf(InvalidApiKeyError);
    expect((error as Error).message).toMatch(/KEYWARD_API_KEY/);
  });

  it("never shows the key when the client is printed or serialized", () => {
    const client = new Keyward({ apiKey: VALID_TEST_KEY });
    const renderings = [
      JSON.stringify(client),
      String(client),
      `${client}`,
      inspect(client, { depth: 10, showHidden: true }),
      JSON.stringify(client.keys),
      inspect(client.prompts, { depth: 10, showHidden: true }),
      JSON.stringify(Object.entries(client)),
    ];
    for (const text of renderings) expect(text).not.toContain(VALID_TEST_KEY.slice(12, -4));
    expect(JSON.stringify(client)).toContain("sk_live_KWca…eqyC");
  });

  it("scrubs the key from an error message even if something in between echoes it", async () => {
    const { client } = await clientFor((request) => ({
      status: 401,
      body: { error: { code: "unauthorized", message: `Invalid API key: ${String(request.headers.authorization)}` } },
    }));
    const error = await client.health().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as Error).message).not.toContain(VALID_TEST_KEY);
    expect((error as Error).message).toContain("sk_live_KWca…eqyC");
  });

  it("never puts the key in the URL", async () => {
    const { client, server } = await clientFor(() => ({ body: { prompts: [], cursor: null, hasMore: false } }));
    for await (const _ of client.prompts.list()) {
      // nothing to list
    }
    expect(server.requests[0]?.url).not.toContain("sk_");
  });
});
