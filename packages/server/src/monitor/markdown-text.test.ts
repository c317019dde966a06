import { describe, expect, it } from "vitest";
import { plainText } from "./markdown-text.js";

describe("plainText", () => {
  it("turns links into their labels and drops emphasis", () => {
    expect(plainText("**Acme** is *great*, see [the review](https://r.example) or <https://x.example>.")).toBe(
      "Acme is great, see the review or https://x.example.",
    );
  });

  it("drops heading, quote, bullet and fence markers but keeps numbered lists", () => {
    expect(plainText("## Top\n\n> quoted\n- one\n1. first\n```ts\ncode()\n```")).toBe("Top\n\nquoted\none\n1. first\ncode()");
  });

  it("leaves snake_case and lone asterisks alone", () => {
    expect(plainText("use my_var_name and 2 * 3 * 4")).toBe("use my_var_name and 2 * 3 * 4");
  });
});
