import type { InjectOptions } from "fastify";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { setUpOwner, signIn, TEST_PASSWORD } from "../test-support/console-session.js";
import { startTestKeyward, type TestKeyward } from "../test-support/test-keyward.js";

let t: TestKeyward;
beforeEach(async () => {
  t = await startTestKeyward();
});
afterEach(async () => {
  await t.close();
});

function inject(options: InjectOptions) {
  return t.keyward.app.inject(options);
}

describe("dashboard sessions", () => {
  it("sets the session cookie HttpOnly, SameSite=Strict, path /, and not Secure over plain http", async () => {
    await setUpOwner(t);
    const response = await inject({ method: "POST", url: "/api/console/session/sign-in", payload: { email: "owner@example.com", password: TEST_PASSWORD } });
    const cookie = response.cookies.find((c) => c.name === "keyward_session")!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Strict", path: "/" });
    expect(cookie.secure).toBeUndefined();
  });

  it("marks the cookie Secure when the public URL is https", async () => {
    await t.close();
    t = await startTestKeyward({ KEYWARD_PUBLIC_URL: "https://keys.example.com" });
    await setUpOwner(t);
    const response = await inject({
      method: "POST",
      url: "/api/console/session/sign-in",
      headers: { origin: "https://keys.example.com" },
      payload: { email: "owner@example.com", password: TEST_PASSWORD },
    });
    expect(response.cookies.find((c) => c.name === "keyward_session")?.secure).toBe(true);
  });

  it("stores only a hash of the session token", async () => {
    const owner = await setUpOwner(t);
    const token = owner.cookie.split("=")[1]!;
    const rows = await t.keyward.db.selectFrom("console_sessions").select("token_hash").execute();
    expect(rows.length).toBe(1);
    expect(rows[0]!.token_hash).not.toContain(token);
    expect(rows[0]!.token_hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("refuses a state-changing request without the CSRF token", async () => {
    const owner = await setUpOwner(t);
    const response = await inject({ method: "POST", url: "/api/console/session/sign-out", headers: { cookie: owner.cookie } });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.message).toMatch(/CSRF/);
  });

  it("refuses a state-changing request with another session's CSRF token", async () => {
    const owner = await setUpOwner(t);
    const other = await signIn(t, "owner@example.com");
    const response = await inject({ method: "POST", url: "/api/console/session/sign-out", headers: { cookie: owner.cookie, "x-csrf-token": other.csrfToken } });
    expect(response.statusCode).toBe(403);
  });

  it.each([
    ["an Origin of another site", { origin: "https://evil.example" }],
    ["Sec-Fetch-Site cross-site", { "sec-fetch-site": "cross-site" }],
  ])("refuses a state-changing request with %s, even with a valid token", async (_case, headers) => {
    const owner = await setUpOwner(t);
    const response = await owner.request("POST", "/api/console/session/sign-out", undefined, headers);
    expect(response.statusCode).toBe(403);
    expect(response.json().error.message).toMatch(/Cross-origin/);
  });

  it("refuses a cross-site sign-in attempt (login CSRF)", async () => {
    await setUpOwner(t);
    const response = await inject({
      method: "POST",
      url: "/api/console/session/sign-in",
      headers: { origin: "https://evil.example" },
      payload: { email: "owner@example.com", password: TEST_PASSWORD },
    });
    expect(response.statusCode).toBe(403);
  });

  it("refuses a form-encoded or text body, which a cross-site form could send", async () => {
    await setUpOwner(t);
    const response = await inject({
      method: "POST",
      url: "/api/console/session/sign-in",
      headers: { "content-type": "text/plain" },
      payload: JSON.stringify({ email: "owner@example.com", password: TEST_PASSWORD }),
    });
    expect(response.statusCode).toBe(415);
  });

  it("answers 401 without a session and ignores a forged cookie", async () => {
    await setUpOwner(t);
    const response = await inject({ method: "GET", url: "/api/console/workspaces", headers: { cookie: "keyward_session=forged" } });
    expect(response.statusCode).toBe(401);
  });

  it("ends the session at sign-out: the same cookie is refused afterwards", async () => {
    const owner = await setUpOwner(t);
    expect((await owner.request("POST", "/api/console/session/sign-out")).statusCode).toBe(204);
    expect((await owner.request("GET", "/api/console/workspaces")).statusCode).toBe(401);
  });

  it("signs out every browser with sign-out-everywhere", async () => {
    const first = await setUpOwner(t);
    const second = await signIn(t, "owner@example.com");
    expect((await second.request("POST", "/api/console/session/sign-out-everywhere")).statusCode).toBe(204);
    expect((await first.request("GET", "/api/console/workspaces")).statusCode).toBe(401);
    expect((await second.request("GET", "/api/console/workspaces")).statusCode).toBe(401);
  });

  it("lists the user's sessions and revokes another one", async () => {
    const first = await setUpOwner(t);
    const second = await signIn(t, "owner@example.com");
    const list = (await first.request("GET", "/api/console/session/sessions")).json();
    expect(list.sessions).toHaveLength(2);
    const other = list.sessions.find((s: { current: boolean }) => !s.current);
    expect((await first.request("DELETE", `/api/console/session/sessions/${other.id}`)).statusCode).toBe(204);
    expect((await second.request("GET", "/api/console/workspaces")).statusCode).toBe(401);
    expect((await first.request("GET", "/api/console/workspaces")).statusCode).toBe(200);
  });

  it("changes the password only with the current one, and ends the other sessions", async () => {
    const first = await setUpOwner(t);
    const second = await signIn(t, "owner@example.com");
    const wrong = await first.request("POST", "/api/console/session/password", { currentPassword: "not it at all", newPassword: "a brand new password" });
    expect(wrong.statusCode).toBe(400);
    const right = await first.request("POST", "/api/console/session/password", { currentPassword: TEST_PASSWORD, newPassword: "a brand new password" });
    expect(right.statusCode).toBe(204);
    expect((await second.request("GET", "/api/console/workspaces")).statusCode).toBe(401);
    await expect(signIn(t, "owner@example.com", "a brand new password")).resolves.toMatchObject({ email: "owner@example.com" });
  });

  it("answers the same for an unknown email and a wrong password", async () => {
    await setUpOwner(t);
    const unknown = await inject({ method: "POST", url: "/api/console/session/sign-in", payload: { email: "nobody@example.com", password: "whatever123" } });
    const wrong = await inject({ method: "POST", url: "/api/console/session/sign-in", payload: { email: "owner@example.com", password: "whatever123" } });
    expect(unknown.statusCode).toBe(401);
    expect(wrong.statusCode).toBe(401);
    expect(unknown.json()).toEqual(wrong.json());
  });

  it("throttles failed sign-ins per account, even with the right password afterwards", async () => {
    await setUpOwner(t);
    for (let i = 0; i < 5; i++) {
      const response = await inject({ method: "POST", url: "/api/console/session/sign-in", payload: { email: "owner@example.com", password: `wrong-${i}-password` } });
      expect(response.statusCode).toBe(401);
    }
    const blocked = await inject({ method: "POST", url: "/api/console/session/sign-in", payload: { email: "owner@example.com", password: TEST_PASSWORD } });
    expect(blocked.statusCode).toBe(429);
    expect(Number(blocked.headers["retry-after"])).toBeGreaterThan(0);
    expect(blocked.json().error.code).toBe("rate_limit_exceeded");
  });

  it("never writes passwords or session tokens to the log", async () => {
    const owner = await setUpOwner(t);
    await inject({ method: "POST", url: "/api/console/session/sign-in", payload: { email: "owner@example.com", password: "a wrong password" } });
    expect(t.logs()).not.toContain(TEST_PASSWORD);
    expect(t.logs()).not.toContain("a wrong password");
    expect(t.logs()).not.toContain(owner.cookie.split("=")[1]!);
  });
});

describe("first-run setup link", () => {
  it("works once", async () => {
    const { token } = await t.keyward.console.setupTokens.issue();
    const body = { token, email: "a@example.com", displayName: "A", password: TEST_PASSWORD, workspaceName: "A", workspaceSlug: "a" };
    expect((await inject({ method: "POST", url: "/api/console/setup", payload: body })).statusCode).toBe(201);
    const again = await inject({ method: "POST", url: "/api/console/setup", payload: { ...body, email: "b@example.com", workspaceSlug: "b" } });
    expect(again.statusCode).toBe(409);
  });

  it("refuses an unknown token and keeps a valid one usable after a rejected form", async () => {
    const { token } = await t.keyward.console.setupTokens.issue();
    const base = { email: "a@example.com", displayName: "A", password: TEST_PASSWORD, workspaceName: "A", workspaceSlug: "a" };
    expect((await inject({ method: "POST", url: "/api/console/setup", payload: { ...base, token: "nope" } })).statusCode).toBe(403);
    expect((await inject({ method: "POST", url: "/api/console/setup", payload: { ...base, token, password: "short" } })).statusCode).toBe(400);
    expect((await inject({ method: "POST", url: "/api/console/setup", payload: { ...base, token } })).statusCode).toBe(201);
  });

  it("refuses a token older than an hour", async () => {
    const { token } = await t.keyward.console.setupTokens.issue();
    await t.keyward.db.updateTable("console_setup_tokens").set({ expires_at: Date.now() - 1 }).execute();
    const response = await inject({
      method: "POST",
      url: "/api/console/setup",
      payload: { token, email: "a@example.com", displayName: "A", password: TEST_PASSWORD, workspaceName: "A", workspaceSlug: "a" },
    });
    expect(response.statusCode).toBe(403);
  });

  it("stores the setup token only as a hash", async () => {
    const { token } = await t.keyward.console.setupTokens.issue();
    const rows = await t.keyward.db.selectFrom("console_setup_tokens").select("token_hash").execute();
    expect(rows.map((r) => r.token_hash)).not.toContain(token);
  });
});
