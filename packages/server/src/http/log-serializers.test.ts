import type { FastifyRequest } from "fastify";
import { describe, expect, it } from "vitest";
import { generateApiKey } from "../keys/index.js";
import { serializeRequest } from "./log-serializers.js";

describe("serializeRequest", () => {
  it("keeps method, redacted URL, host and client address, and no headers", () => {
    const key = generateApiKey("live");
    const request = {
      method: "GET",
      url: `/v1/health?key=${key}`,
      host: "localhost:8787",
      ip: "127.0.0.1",
      headers: { authorization: `Bearer ${key}` },
    } as unknown as FastifyRequest;
    expect(serializeRequest(request)).toEqual({
      method: "GET",
      url: "/v1/health?key=sk_live_…",
      host: "localhost:8787",
      remoteAddress: "127.0.0.1",
    });
  });
});
