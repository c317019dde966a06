import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { setUpOwner, TEST_PASSWORD } from "../test-support/console-session.js";
import { startTestKeyward, type TestKeyward } from "../test-support/test-keyward.js";

let t: TestKeyward;
beforeEach(async () => {
  t = await startTestKeyward();
});
afterEach(async () => {
  await t.close();
});

describe("first-run setup", () => {
  it("says setup is needed while no user exists", async () => {
    const response = await t.keyward.app.inject({ method: "GET", url: "/api/console/session" });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ signedIn: false, needsSetup: true });
  });

  it("accepts a fresh setup token as valid", async () => {
    const { token } = await t.keyward.console.setupTokens.issue();
    const response = await t.keyward.app.inject({ method: "POST", url: "/api/console/setup/verify", payload: { token } });
    expect(response.json()).toEqual({ needsSetup: true, tokenValid: true });
  });

  it("creates the owner and the first workspace, and signs the owner in", async () => {
    const owner = await setUpOwner(t);
    const response = await owner.request("GET", "/api/console/session");
    const state = response.json();
    expect(state.signedIn).toBe(true);
    expect(state.user.email).toBe("owner@example.com");
    expect(state.workspaces).toEqual([expect.objectContaining({ slug: "acme", name: "Acme Inc", role: "owner", subscriptionStatus: "active" })]);
    expect(state.currentWorkspaceId).toBe(state.workspaces[0].id);
  });

  it("lets the owner sign in again with the password chosen at setup", async () => {
    await setUpOwner(t);
    const response = await t.keyward.app.inject({
      method: "POST",
      url: "/api/console/session/sign-in",
      payload: { email: "OWNER@example.com", password: TEST_PASSWORD },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().workspaces).toHaveLength(1);
  });

  it("says setup is no longer needed once the owner exists", async () => {
    await setUpOwner(t);
    const response = await t.keyward.app.inject({ method: "GET", url: "/api/console/session" });
    expect(response.json()).toEqual({ signedIn: false, needsSetup: false });
  });
});
