import { beforeEach, describe, expect, it } from "vitest";
import { consoleTestbed, signedInMember } from "../test-support/console-session.js";

const body = { name: "Production Server", environment: "live", scopes: ["prompts:read"], expiresAt: null };

const bed = consoleTestbed();
let keysUrl: string;
beforeEach(() => {
  keysUrl = `/api/console/workspaces/${bed.owner.workspaceId}/keys`;
});

describe("the API Keys page's routes refuse", () => {
  it("a viewer creating a key (403)", async () => {
    const viewer = await signedInMember(bed.t, bed.owner.workspaceId, "viewer", "viewer@example.com");
    const response = await viewer.request("POST", keysUrl, body);
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe("forbidden");
  });

  it("a viewer granting a scope beyond its role, even when listing is allowed", async () => {
    const viewer = await signedInMember(bed.t, bed.owner.workspaceId, "viewer", "viewer@example.com");
    expect((await viewer.request("GET", keysUrl)).statusCode).toBe(200);
    expect((await viewer.request("POST", keysUrl, { ...body, scopes: ["keys:read"] })).statusCode).toBe(403);
  });

  it("a member changing a key someone else created, but not their own", async () => {
    const ownersKey = (await bed.owner.request("POST", keysUrl, body)).json();
    const member = await signedInMember(bed.t, bed.owner.workspaceId, "member", "member@example.com");
    expect((await member.request("DELETE", `${keysUrl}/${ownersKey.id}`)).statusCode).toBe(403);
    expect((await member.request("POST", `${keysUrl}/${ownersKey.id}/rotate`, { gracePeriodSeconds: 0 })).statusCode).toBe(403);
    const own = (await member.request("POST", keysUrl, body)).json();
    expect((await member.request("DELETE", `${keysUrl}/${own.id}`)).statusCode).toBe(200);
    const list = (await member.request("GET", keysUrl)).json();
    expect(list.keys.find((k: { id: string }) => k.id === ownersKey.id).canManage).toBe(false);
  });

  it("someone outside the workspace, as if it did not exist (404)", async () => {
    const ownersKey = (await bed.owner.request("POST", keysUrl, body)).json();
    const outsider = await signedInMember(bed.t, (await bed.t.createWorkspace("other")).id, "owner", "outsider@example.com");
    expect((await outsider.request("GET", keysUrl)).statusCode).toBe(404);
    expect((await outsider.request("DELETE", `${keysUrl}/${ownersKey.id}`)).statusCode).toBe(404);
    const ownKeys = `/api/console/workspaces/${outsider.workspaceId}/keys`;
    expect((await outsider.request("DELETE", `${ownKeys}/${ownersKey.id}`)).statusCode).toBe(404);
  });

  it("a grace period the dashboard does not offer", async () => {
    const created = (await bed.owner.request("POST", keysUrl, body)).json();
    const response = await bed.owner.request("POST", `${keysUrl}/${created.id}/rotate`, { gracePeriodSeconds: 5 });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe("validation_error");
  });

  it("a key without a name or scopes, naming the fields", async () => {
    const response = await bed.owner.request("POST", keysUrl, { ...body, name: "", scopes: [] });
    expect(response.statusCode).toBe(400);
    const fields = response.json().error.details.map((d: { field: string }) => d.field);
    expect(fields).toEqual(expect.arrayContaining(["name", "scopes"]));
  });

  it("a removed member at once", async () => {
    const member = await signedInMember(bed.t, bed.owner.workspaceId, "member", "member@example.com");
    expect((await bed.owner.request("DELETE", `/api/console/workspaces/${bed.owner.workspaceId}/members/${member.userId}`)).statusCode).toBe(204);
    expect((await member.request("GET", keysUrl)).statusCode).toBe(404);
  });
});
