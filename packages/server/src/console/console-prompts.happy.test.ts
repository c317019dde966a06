import { beforeEach, describe, expect, it } from "vitest";
import { consoleTestbed, signedInMember } from "../test-support/console-session.js";

const bed = consoleTestbed();
let prompts: string;
beforeEach(() => {
  prompts = `/api/console/workspaces/${bed.owner.workspaceId}/prompts`;
});

describe("the Prompts page's routes", () => {
  it("creates a draft, edits it, publishes it and lists its versions", async () => {
    const created = await bed.owner.request("POST", prompts, { slug: "welcome", title: "Welcome", content: "Hi {{name}}" });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ version: "v0", packageName: "@acme/welcome:v0" });
    const edited = await bed.owner.request("PUT", `${prompts}/welcome/draft`, { content: "Hello {{name}} from {{team:string}}" });
    expect(edited.json().variables.map((v: { name: string }) => v.name)).toEqual(["name", "team"]);
    const published = await bed.owner.request("POST", `${prompts}/welcome/publish`);
    expect(published.json()).toMatchObject({ version: "v1", packageName: "@acme/welcome:v1" });
    const versions = (await bed.owner.request("GET", `${prompts}/welcome/versions`)).json();
    expect(versions.draft.version).toBe("v0");
    expect(versions.versions.map((v: { version: string }) => v.version)).toEqual(["v1"]);
    const list = (await bed.owner.request("GET", prompts)).json();
    expect(list.prompts.map((p: { packageName: string }) => p.packageName)).toEqual(["@acme/welcome:v1"]);
  });

  it("lets a viewer read prompts but not edit or publish them", async () => {
    await bed.owner.request("POST", prompts, { slug: "welcome", title: "Welcome", content: "Hi" });
    const viewer = await signedInMember(bed.t, bed.owner.workspaceId, "viewer", "viewer@example.com");
    expect((await viewer.request("GET", `${prompts}/welcome/versions`)).statusCode).toBe(200);
    expect((await viewer.request("PUT", `${prompts}/welcome/draft`, { content: "Mine" })).statusCode).toBe(403);
    expect((await viewer.request("POST", `${prompts}/welcome/publish`)).statusCode).toBe(403);
  });
});
