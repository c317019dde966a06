import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { tempDataDir } from "../test-support/processes.js";
import { withCliContext } from "./cli-context.js";

describe("withCliContext", () => {
  let data: ReturnType<typeof tempDataDir>;
  beforeEach(() => {
    data = tempDataDir();
    vi.stubEnv("KEYWARD_DATA_DIR", data.dir);
    vi.stubEnv("DATABASE_URL", "");
  });
  afterEach(() => {
    vi.unstubAllEnvs();
    data.remove();
  });

  it("works on the data directory the environment names, across runs", async () => {
    const created = await withCliContext((ctx) => ctx.workspaces.create({ slug: "acme" }));
    const found = await withCliContext((ctx) => ctx.workspaces.getBySlug("acme"));
    expect(found.id).toBe(created.id);
  });

  it("closes storage even when the command fails", async () => {
    let closed = false;
    await expect(
      withCliContext(async (ctx) => {
        const close = ctx.store.close.bind(ctx.store);
        ctx.store.close = async () => {
          closed = true;
          await close();
        };
        throw new Error("command failed");
      }),
    ).rejects.toThrow("command failed");
    expect(closed).toBe(true);
  });
});
