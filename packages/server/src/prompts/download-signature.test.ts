import { describe, expect, it } from "vitest";
import { checkDownload, generateDownloadSecret, signDownload } from "./download-signature.js";

const secret = generateDownloadSecret();
const now = 1_700_000_000;

describe("download signatures", () => {
  it("accepts a link it signed, before it expires", () => {
    const signature = signDownload(secret, "ctx_a", now + 300);
    expect(checkDownload(secret, "ctx_a", now + 300, signature, now)).toEqual({ valid: true });
  });

  it("refuses a link at and after its expiry", () => {
    const signature = signDownload(secret, "ctx_a", now);
    expect(checkDownload(secret, "ctx_a", now, signature, now)).toEqual({ valid: false, code: "EXPIRED" });
  });

  it("refuses a link whose expiry was pushed back", () => {
    const signature = signDownload(secret, "ctx_a", now + 300);
    expect(checkDownload(secret, "ctx_a", now + 3_000_000, signature, now)).toEqual({ valid: false, code: "INVALID" });
  });

  it("refuses a signature moved to another item", () => {
    const signature = signDownload(secret, "ctx_a", now + 300);
    expect(checkDownload(secret, "ctx_b", now + 300, signature, now)).toEqual({ valid: false, code: "INVALID" });
  });

  it("refuses a signature made with another secret", () => {
    const signature = signDownload(generateDownloadSecret(), "ctx_a", now + 300);
    expect(checkDownload(secret, "ctx_a", now + 300, signature, now)).toEqual({ valid: false, code: "INVALID" });
  });

  it.each(["", "x", "A".repeat(43), "A".repeat(200)])("refuses the forged signature %j", (signature) => {
    expect(checkDownload(secret, "ctx_a", now + 300, signature, now)).toEqual({ valid: false, code: "INVALID" });
  });

  it("checks the signature before the expiry, so a forged link never learns it is expired", () => {
    expect(checkDownload(secret, "ctx_a", now - 10, "forged", now)).toEqual({ valid: false, code: "INVALID" });
  });

  it("generates a different secret each time", () => {
    expect(generateDownloadSecret()).not.toBe(generateDownloadSecret());
  });
});
