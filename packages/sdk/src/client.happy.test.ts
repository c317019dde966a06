import { afterEach, describe, expect, it } from "vitest";
import { DEFAULT_BASE_URL, Keyward } from "./client.js";
import { useStubClient } from "./test-support/stub-client.js";
import { VALID_TEST_KEY, startStubServer, type StubServer } from "./test-support/stub-server.js";

const clientFor = useStubClient();
const savedEnv = { key: process.env.KEYWARD_API_KEY, url: process.env.KEYWARD_BASE_URL };
let stub: StubServer | undefined;

afterEach(async () => {
  await stub?.close();
  stub = undefined;
  if (savedEnv.key === undefined) delete process.env.KEYWARD_API_KEY;
  else process.env.KEYWARD_API_KEY = savedEnv.key;
  if (savedEnv.url === undefined) delete process.env.KEYWARD_BASE_URL;
  else process.env.KEYWARD_BASE_URL = savedEnv.url;
});

describe("Keyward client", () => {
  it("reads the key from KEYWARD_API_KEY and the URL from KEYWARD_BASE_URL", async () => {
    stub = await startStubServer(() => ({ body: { status: "ok", timestamp: "2024-01-15T10:30:00Z" } }));
    process.env.KEYWARD_API_KEY = VALID_TEST_KEY;
    process.env.KEYWARD_BASE_URL = stub.url;
    const client = new Keyward();
    await expect(client.health()).resolves.toEqual({ status: "ok", timestamp: "2024-01-15T10:30:00Z" });
    expect(stub.requests[0]?.headers.authorization).toBe(`Bearer ${VALID_TEST_KEY}`);
  });

  it("prefers explicit options over the environment", () => {
    process.env.KEYWARD_BASE_URL = "http://env.example:1";
    const client = new Keyward({ apiKey: VALID_TEST_KEY, baseUrl: "https://api.example.com/", timeoutMs: 5_000, maxRetries: 0 });
    expect(client.baseUrl).toBe("https://api.example.com");
    expect(client.timeoutMs).toBe(5_000);
    expect(client.maxRetries).toBe(0);
  });

  it("defaults to localhost:8787, 30 s and 2 retries", () => {
    delete process.env.KEYWARD_BASE_URL;
    const client = new Keyward({ apiKey: VALID_TEST_KEY });
    expect(client.baseUrl).toBe(DEFAULT_BASE_URL);
    expect(client.timeoutMs).toBe(30_000);
    expect(client.maxRetries).toBe(2);
  });

  it("trims whitespace pasted around the key", () => {
    expect(() => new Keyward({ apiKey: ` ${VALID_TEST_KEY}\n` })).not.toThrow();
  });

  it("sends GET /v1/health with the Bearer key and asks for JSON", async () => {
    const { client, server } = await clientFor(() => ({ body: { status: "ok", timestamp: "2024-01-15T10:30:00Z" } }));
    await client.health();
    const request = server.requests[0];
    expect(request?.method).toBe("GET");
    expect(request?.url).toBe("/v1/health");
    expect(request?.headers.authorization).toBe(`Bearer ${VALID_TEST_KEY}`);
    expect(request?.headers.accept).toBe("application/json");
  });

  it("keeps a path prefix in the base URL", async () => {
    stub = await startStubServer(() => ({ body: { status: "ok", timestamp: "2024-01-15T10:30:00Z" } }));
    await new Keyward({ apiKey: VALID_TEST_KEY, baseUrl: `${stub.url}/keyward/` }).health();
    expect(stub.requests[0]?.url).toBe("/keyward/v1/health");
  });

  it("uses the fetch it is given", async () => {
    const seen: string[] = [];
    const fetch = async (input: string) => {
      seen.push(input);
      return new Response(JSON.stringify({ status: "ok", timestamp: "t" }), { status: 200 });
    };
    await new Keyward({ apiKey: VALID_TEST_KEY, baseUrl: "http://custom.test", fetch }).health();
    expect(seen).toEqual(["http://custom.test/v1/health"]);
  });

  it("sends extra headers but never lets them replace the key", async () => {
    const { client, server } = await clientFor(() => ({ body: { status: "ok", timestamp: "t" } }));
    await client.health({ headers: { "x-trace": "abc", Authorization: "Bearer other" } });
    expect(server.requests[0]?.headers["x-trace"]).toBe("abc");
    expect(server.requests[0]?.headers.authorization).toBe(`Bearer ${VALID_TEST_KEY}`);
  });
});
