import { writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { runCli, runCliJson, tempDataDir } from "../../test-support/processes.js";

const WELCOME = ["---", "title: Welcome", "tags: [onboarding]", "systemPrompt: |", "  Be warm.", "---", "", "Hello {{name}}, you have {{count:number}} messages.", ""].join("\n");

describe("keyward prompts", () => {
  let data: ReturnType<typeof tempDataDir>;
  let file: string;

  beforeEach(async () => {
    data = tempDataDir();
    file = path.join(data.dir, "welcome.md");
    writeFileSync(file, WELCOME);
    await runCliJson(data.dir, ["workspaces", "create", "acme"]);
  });
  afterEach(() => {
    data.remove();
  });

  it("push creates the draft from the file, its front matter and its name", async () => {
    const pushed = await runCliJson<{ draft: string; published: string | null; prompt: Record<string, unknown> }>(data.dir, ["prompts", "push", file, "--workspace", "acme"]);
    expect(pushed).toMatchObject({
      draft: "created",
      published: null,
      prompt: { slug: "welcome", version: "v0", title: "Welcome", tags: ["onboarding"], systemPrompt: "Be warm.", content: "Hello {{name}}, you have {{count:number}} messages." },
    });
  });

  it("push --publish publishes v1, and pushing the same file again publishes nothing and still succeeds", async () => {
    const first = await runCli(data.dir, ["prompts", "push", file, "--workspace", "acme", "--slug", "welcome", "--publish"]);
    expect(first).toMatchObject({ code: 0, stderr: "" });
    expect(first.stdout).toBe("Created draft @acme/welcome:v0\nPublished @acme/welcome:v1\n");
    const again = await runCliJson<{ draft: string; published: string | null }>(data.dir, ["prompts", "push", file, "--workspace", "acme", "--publish"]);
    expect(again).toMatchObject({ draft: "unchanged", published: null });
  });

  it("push --publish after an edit publishes v2, and --title wins over the front matter", async () => {
    await runCliJson(data.dir, ["prompts", "push", file, "--workspace", "acme", "--publish"]);
    writeFileSync(file, WELCOME.replace("Hello", "Hi"));
    const pushed = await runCliJson<{ draft: string; published: string; prompt: { title: string } }>(data.dir, ["prompts", "push", file, "--workspace", "acme", "--title", "Greeting", "--publish"]);
    expect(pushed).toMatchObject({ draft: "updated", published: "v2", prompt: { title: "Greeting" } });
  });

  it("get renders the content with --var values typed by their declarations", async () => {
    await runCliJson(data.dir, ["prompts", "push", file, "--workspace", "acme", "--publish"]);
    const result = await runCli(data.dir, ["prompts", "get", "@acme/welcome:v1", "--var", "name=Ada", "--var", "count=3"]);
    expect(result).toEqual({ code: 0, stdout: "Hello Ada, you have 3 messages.\n", stderr: "" });
  });

  it("get --json prints the whole prompt as one JSON document", async () => {
    await runCliJson(data.dir, ["prompts", "push", file, "--workspace", "acme", "--publish"]);
    const prompt = await runCliJson(data.dir, ["prompts", "get", "@acme/welcome"]);
    expect(prompt).toMatchObject({ packageName: "@acme/welcome:v1", variables: [{ name: "name" }, { name: "count", type: "number" }] });
  });

  it("list --json shows each prompt at its latest version", async () => {
    await runCliJson(data.dir, ["prompts", "push", file, "--workspace", "acme", "--publish"]);
    writeFileSync(path.join(data.dir, "later.md"), "Later");
    await runCliJson(data.dir, ["prompts", "push", path.join(data.dir, "later.md"), "--workspace", "acme"]);
    const listed = await runCliJson<{ prompts: Array<{ packageName: string }> }>(data.dir, ["prompts", "list", "--workspace", "acme"]);
    expect(listed.prompts.map((p) => p.packageName)).toEqual(["@acme/later:v0", "@acme/welcome:v1"]);
  });

  it("publishes one v1 when two processes push --publish the same draft at once", async () => {
    await runCliJson(data.dir, ["prompts", "push", file, "--workspace", "acme"]);
    const results = await Promise.all([
      runCliJson<{ published: string | null }>(data.dir, ["prompts", "push", file, "--workspace", "acme", "--publish"]),
      runCliJson<{ published: string | null }>(data.dir, ["prompts", "push", file, "--workspace", "acme", "--publish"]),
    ]);
    expect(results.map((r) => r.published).sort()).toEqual([null, "v1"]);
    const v2 = await runCli(data.dir, ["prompts", "get", "@acme/welcome:v2"]);
    expect(v2.code).toBe(1);
  });
});

// Commands that fail change nothing, so these share one data directory seeded once.
describe("keyward prompts, failures", () => {
  let data: ReturnType<typeof tempDataDir>;

  beforeAll(async () => {
    data = tempDataDir();
    writeFileSync(path.join(data.dir, "welcome.md"), WELCOME);
    await runCliJson(data.dir, ["workspaces", "create", "acme"]);
    await runCliJson(data.dir, ["prompts", "push", "welcome.md", "--workspace", "acme", "--publish"]);
  });
  afterAll(() => {
    data.remove();
  });

  it.each([
    ["an unknown package", ["prompts", "get", "@acme/nope:v1"], /Prompt not found: @acme\/nope:v1/],
    ["an unknown workspace in a package name", ["prompts", "get", "@ghost/welcome:v1"], /ghost/],
    ["an unknown workspace to list", ["prompts", "list", "--workspace", "ghost"], /Workspace not found: ghost/],
    ["an unknown workspace to push to", ["prompts", "push", "welcome.md", "--workspace", "ghost"], /Workspace not found: ghost/],
  ])("exits 1 for %s", async (_label, args, message) => {
    const result = await runCli(data.dir, [...args, "--json"]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(message);
  });

  it.each([
    ["a malformed package name", ["prompts", "get", "acme/welcome"]],
    ["a missing variable", ["prompts", "get", "@acme/welcome:v1", "--var", "name=Ada"]],
    ["a mistyped variable", ["prompts", "get", "@acme/welcome:v1", "--var", "name=Ada", "--var", "count=many"]],
    ["a --var without =", ["prompts", "get", "@acme/welcome:v1", "--var", "name"]],
    ["a file that does not exist", ["prompts", "push", "missing.md", "--workspace", "acme"]],
    ["a push without --workspace", ["prompts", "push", "welcome.md"]],
    ["an invalid slug", ["prompts", "push", "welcome.md", "--workspace", "acme", "--slug", "Not A Slug"]],
  ])("exits 2 for %s, with one line on stderr", async (_label, args) => {
    const result = await runCli(data.dir, args);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
  });

  it("exits 2 for a file with broken front matter, naming the file", async () => {
    const broken = path.join(data.dir, "broken.md");
    writeFileSync(broken, "---\ntitel: typo\n---\nBody");
    const result = await runCli(data.dir, ["prompts", "push", broken, "--workspace", "acme"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/broken\.md: unknown front matter key "titel"/);
  });
});
