import { describe, expect, it } from "vitest";
import { KeywardError, NotFoundError, PermissionDeniedError, ValidationError } from "../errors.js";
import { useStubClient } from "../test-support/stub-client.js";

const clientFor = useStubClient();

describe("client.prompts errors", () => {
  it("throws NotFoundError with the API's message for an unknown package", async () => {
    const { client } = await clientFor(() => ({ status: 404, body: { error: { code: "not_found", message: "Prompt not found: @acme/nope:v1" } } }));
    const error = await client.prompts.get("@acme/nope:v1").catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as NotFoundError).message).toBe("Prompt not found: @acme/nope:v1");
  });

  it("throws ValidationError naming every missing or mistyped variable", async () => {
    const details = [
      { field: "variables.name", message: "is required" },
      { field: "variables.count", message: "must be a number" },
    ];
    const { client } = await clientFor(() => ({ status: 400, body: { error: { code: "validation_error", message: "Invalid variables", details } } }));
    const error = await client.prompts.get("@acme/welcome:v1", { variables: { count: "three" } }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fields).toEqual(details);
  });

  it("throws PermissionDeniedError for another workspace's package", async () => {
    const { client } = await clientFor(() => ({ status: 403, body: { error: { code: "forbidden", message: "Insufficient permissions" } } }));
    await expect(client.prompts.get("@globex/secret:v1")).rejects.toBeInstanceOf(PermissionDeniedError);
  });

  it("stops listing with an error when the API hands back the same cursor twice", async () => {
    const { client } = await clientFor(() => ({ body: { prompts: [], cursor: "same", hasMore: true } }));
    const drain = async () => {
      for await (const _ of client.prompts.list()) {
        // empty pages
      }
    };
    await expect(drain()).rejects.toBeInstanceOf(KeywardError);
  });
});
