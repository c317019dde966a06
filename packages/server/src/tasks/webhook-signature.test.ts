import { describe, expect, it } from "vitest";
import { signWebhook, verifyWebhookSignature, workspaceWebhookSecret } from "./webhook-signature.js";

describe("webhook signatures", () => {
  const secret = workspaceWebhookSecret("server-secret", "ws_a");
  const body = '{"task":{"id":"task_1"}}';

  it("derives a different secret per workspace and per server", () => {
    expect(secret).toMatch(/^whsec_[\w-]{43}$/);
    expect(workspaceWebhookSecret("server-secret", "ws_b")).not.toBe(secret);
    expect(workspaceWebhookSecret("other-server", "ws_a")).not.toBe(secret);
  });

  it("verifies its own signature within the tolerance", () => {
    expect(verifyWebhookSignature(secret, signWebhook(secret, 1_000, body), body, 1_100)).toBe(true);
  });

  it.each([
    ["another body", (h: string) => h, '{"task":{"id":"task_2"}}', 1_000],
    ["another secret", () => signWebhook(workspaceWebhookSecret("server-secret", "ws_b"), 1_000, body), body, 1_000],
    ["a replayed timestamp", (h: string) => h, body, 1_301],
    ["a changed timestamp", (h: string) => h.replace("t=1000", "t=1200"), body, 1_200],
    ["a malformed header", () => "v1=abc", body, 1_000],
  ])("refuses %s", (_name, tamper, received, now) => {
    expect(verifyWebhookSignature(secret, tamper(signWebhook(secret, 1_000, body)), received, now)).toBe(false);
  });

  it("refuses a missing header", () => {
    expect(verifyWebhookSignature(secret, undefined, body, 1_000)).toBe(false);
  });
});
