import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createScanningSigner } from "../test-support/secret-scanning.js";
import { startTestKeyward, type TestKeyward } from "../test-support/test-keyward.js";

const URL = "/v1/secret-scanning/report";
const UNAUTHORIZED = { error: { code: "unauthorized", message: "Invalid or missing secret-scanning signature" } };

describe("POST /v1/secret-scanning/report refuses unsigned reports", () => {
  const signer = createScanningSigner("kid-trusted");
  const stranger = createScanningSigner("kid-trusted");
  let t: TestKeyward;
  let secret: string;
  let keyId: string;
  let body: string;
  beforeEach(async () => {
    t = await startTestKeyward({ KEYWARD_SECRET_SCANNING_PUBLIC_KEYS: signer.setting });
    const workspace = await t.createWorkspace();
    ({ secret, id: keyId } = await t.issueKey(workspace));
    body = JSON.stringify([{ token: secret, type: "keyward_api_key", url: "https://example.com/x", source: "content" }]);
  });
  afterEach(async () => {
    await t.close();
  });

  const post = (headers: Record<string, string>, payload = body) =>
    t.keyward.app.inject({ method: "POST", url: URL, headers: { "content-type": "application/json", ...headers }, payload });

  const expectStillLive = async () => expect((await t.keyward.keys.get(keyId)).revokedAt).toBeNull();

  it.each([
    ["no signature headers", () => ({})],
    ["an unknown key identifier", () => ({ ...signer.headers(body), "github-public-key-identifier": "kid-other" })],
    ["a signature by another key under the trusted identifier", () => stranger.headers(body)],
    ["a signature of another body", () => signer.headers(`${body} `)],
    ["a signature that is not base64", () => ({ ...signer.headers(body), "github-public-key-signature": "%%%not base64%%%" })],
    ["a signature that is not DER", () => ({ ...signer.headers(body), "github-public-key-signature": "AAAA" })],
  ])("answers 401 in the registry dialect for %s, and revokes nothing", async (_case, headers) => {
    const response = await post(headers());
    expect(response.statusCode).toBe(401);
    expect(response.json()).toEqual(UNAUTHORIZED);
    expect(response.body).not.toContain(secret);
    await expectStillLive();
  });

  it("checks the signature before the body: invalid JSON without a signature is 401, with one it is 400", async () => {
    expect((await post({}, "{not json")).statusCode).toBe(401);
    const signed = await post(signer.headers("{not json"), "{not json");
    expect(signed.statusCode).toBe(400);
    expect(signed.json()).toMatchObject({ error: { code: "validation_error" } });
  });

  it("answers 400 for a signed body that is not a list of matches", async () => {
    const payload = JSON.stringify({ token: secret });
    const response = await post(signer.headers(payload), payload);
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error: { code: "validation_error" } });
    expect(response.body).not.toContain(secret);
    await expectStillLive();
  });

  it("needs no API key, and an API key does not replace the signature", async () => {
    const response = await post({ authorization: `Bearer ${secret}` });
    expect(response.statusCode).toBe(401);
    await expectStillLive();
  });

  it("is not served when no signing keys are configured", async () => {
    const plain = await startTestKeyward();
    try {
      const response = await plain.keyward.app.inject({ method: "POST", url: URL, headers: signer.headers(body), payload: body });
      expect(response.statusCode).toBe(404);
    } finally {
      await plain.close();
    }
  });

  it("refuses to start with a signing key that is not P-256", async () => {
    await expect(startTestKeyward({ KEYWARD_SECRET_SCANNING_PUBLIC_KEYS: '{"public_keys":[{"key_identifier":"x","key":"nope"}]}' })).rejects.toThrow(
      /not a PEM public key/,
    );
  });
});
