import { afterEach, describe, expect, it } from "vitest";
import { generateApiKey } from "../keys/index.js";
import { bearer, startTestKeyward, type TestKeyward } from "../test-support/test-keyward.js";

describe("buildApp logging", () => {
  let kw: TestKeyward | undefined;
  afterEach(async () => {
    await kw?.close();
  });

  it("writes no line per request by default (the hot path stays quiet)", async () => {
    kw = await startTestKeyward();
    await kw.keyward.app.inject({ method: "GET", url: "/livez" });
    expect(kw.logs()).not.toContain("incoming request");
  });

  it("with request logging on, logs neither the Authorization header nor a key pasted into the URL", async () => {
    kw = await startTestKeyward({ KEYWARD_LOG_REQUESTS: "true", LOG_LEVEL: "trace" });
    const workspace = await kw.createWorkspace("acme");
    const { secret } = await kw.issueKey(workspace);
    const stray = generateApiKey("test");
    await kw.keyward.app.inject({ method: "GET", url: "/v1/health", headers: bearer(secret) });
    await kw.keyward.app.inject({ method: "GET", url: `/v1/health?key=${stray}`, headers: bearer(secret) });
    await kw.keyward.app.inject({ method: "GET", url: `/v1/keys/${stray}`, headers: bearer(secret) });
    const logs = kw.logs();
    expect(logs).toContain("incoming request");
    expect(logs).not.toContain(secret.slice(8));
    expect(logs).not.toContain(stray.slice(8));
  });

  it("logs a failed request's error without the key that made it", async () => {
    kw = await startTestKeyward({ LOG_LEVEL: "trace" });
    const workspace = await kw.createWorkspace("acme");
    const { secret } = await kw.issueKey(workspace, { scopes: ["keys:read"] });
    const store = kw.keyward.store as unknown as { listKeys: () => Promise<never> };
    store.listKeys = async () => {
      throw new Error("disk I/O error");
    };
    const response = await kw.keyward.app.inject({ method: "GET", url: "/v1/keys", headers: bearer(secret) });
    expect(response.statusCode).toBe(500);
    expect(kw.logs()).toContain("disk I/O error");
    expect(kw.logs()).not.toContain(secret.slice(8));
  });
});
