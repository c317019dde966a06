import { describe, expect, it } from "vitest";
import { APIError, AuthenticationError, PermissionDeniedError, RateLimitError, ValidationError } from "../errors.js";
import { useStubClient } from "../test-support/stub-client.js";

const clientFor = useStubClient();

const monitorError = (status: number, error: string, headers: Record<string, string> = {}) => ({ status, headers, body: { success: false, error } });
const RUN = { prompt: "Best CRM?", model: "CHATGPT" } as const;

describe("client.monitor.run errors (monitor dialect)", () => {
  it.each([
    [400, "prompt must be 1 to 10000 characters", ValidationError, "validation_error"],
    [401, "Invalid or missing API key", AuthenticationError, "unauthorized"],
    [403, "Insufficient credits", PermissionDeniedError, "forbidden"],
    [503, "No provider configured for CHATGPT: set KEYWARD_CHATGPT_BASE_URL", APIError, "unavailable"],
  ] as const)("maps %i to its error with the API's message", async (status, message, type, code) => {
    const { client } = await clientFor(() => monitorError(status, message, { "retry-after": "0" }));
    const error = await client.monitor.run(RUN, { maxRetries: 0 }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(type);
    expect(error).toMatchObject({ status, code, message });
  });

  it("reads retryAfter from a monitor 429", async () => {
    const { client } = await clientFor(() => ({ status: 429, body: { success: false, error: "Rate limit exceeded. Try again in 30 seconds.", retry_after: 30 } }));
    const error = await client.monitor.run(RUN, { maxRetries: 0 }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).retryAfter).toBe(30);
  });

  it("retries a 502 (the engine failed and nothing was charged)", async () => {
    const { client, server } = await clientFor((_r, i) =>
      i === 0 ? monitorError(502, "The upstream engine failed", { "retry-after": "0" }) : { body: { success: true, result: { text: "ok" } } },
    );
    await expect(client.monitor.run(RUN)).resolves.toMatchObject({ text: "ok" });
    expect(server.requests).toHaveLength(2);
  });

  it("does not retry a 500: the run may have been charged", async () => {
    const { client, server } = await clientFor(() => monitorError(500, "Internal server error", { "retry-after": "0" }));
    await expect(client.monitor.run(RUN)).rejects.toMatchObject({ status: 500 });
    expect(server.requests).toHaveLength(1);
  });
});
