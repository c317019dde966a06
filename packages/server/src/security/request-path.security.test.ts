import { connect } from "node:net";
import type { AddressInfo } from "node:net";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { SCOPES, type Scope } from "../auth/index.js";
import { generateApiKey } from "../keys/index.js";
import { bearer, startTestKeyward, type TestKeyward } from "../test-support/test-keyward.js";

/** Sends raw bytes over TCP: the only way to send one header twice exactly as written. */
function rawRequest(port: number, request: string): Promise<string> {
  return new Promise((resolve, reject) => {
    // write, not end: a half-closed socket may be dropped by the server before a slow
    // (storage-backed) answer is ready; `Connection: close` makes the server end it.
    const socket = connect(port, "127.0.0.1", () => socket.write(request));
    let answer = "";
    socket.setEncoding("utf8");
    socket.on("data", (chunk: string) => (answer += chunk));
    socket.on("end", () => resolve(answer));
    socket.on("error", reject);
  });
}

describe("the request path under hostile input", () => {
  let t: TestKeyward;
  let secret: string;
  beforeEach(async () => {
    t = await startTestKeyward();
    const workspace = await t.createWorkspace();
    ({ secret } = await t.issueKey(workspace, { scopes: [...SCOPES] as Scope[] }));
  });
  afterEach(async () => {
    await t.close();
  });

  it.each([
    ["the valid key first", true],
    ["the invalid key first", false],
  ])("with two Authorization headers, %s, the first one decides and nothing fails", async (_case, validFirst) => {
    await t.keyward.app.listen({ port: 0, host: "127.0.0.1" });
    const { port } = t.keyward.app.server.address() as AddressInfo;
    const headers = validFirst ? [`Bearer ${secret}`, "Bearer sk_live_nope"] : ["Bearer sk_live_nope", `Bearer ${secret}`];
    const answer = await rawRequest(
      port,
      `GET /v1/health HTTP/1.1\r\nHost: localhost\r\n${headers.map((h) => `Authorization: ${h}\r\n`).join("")}Connection: close\r\n\r\n`,
    );
    expect(answer.split("\r\n")[0]).toBe(validFirst ? "HTTP/1.1 200 OK" : "HTTP/1.1 401 Unauthorized");
    expect(answer).not.toContain(secret);
  });

  it.each(["GET", "DELETE"] as const)("answers %s /v1/keys/%%00 with 400 on every database, never 500", async (method) => {
    const response = await t.keyward.app.inject({ method, url: "/v1/keys/%00", headers: bearer(secret) });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error: { code: "validation_error" } });
  });

  it("refuses a key pasted as a key name with 400, and creates no key", async () => {
    const pasted = generateApiKey("live");
    const response = await t.keyward.app.inject({
      method: "POST",
      url: "/v1/keys",
      headers: bearer(secret),
      payload: { name: `prod ${pasted}` },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error: { code: "validation_error", details: [{ field: "name", message: "must not contain an API key" }] } });
    expect(response.body).not.toContain(pasted);
    const listed = await t.keyward.app.inject({ url: "/v1/keys", headers: bearer(secret) });
    expect(listed.body).not.toContain(pasted);
  });
});
