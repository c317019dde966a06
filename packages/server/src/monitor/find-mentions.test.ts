import { describe, expect, it } from "vitest";
import { brandPattern, findMentions } from "./find-mentions.js";

describe("findMentions", () => {
  it("counts a brand case-insensitively and gives the offset of its first mention", () => {
    const [acme] = findMentions("Try ACME first. Then acme again, or Acme.", ["Acme"]);
    expect(acme).toEqual({ brand: "Acme", count: 3, firstPosition: 4, sentences: ["Try ACME first.", "Then acme again, or Acme."] });
  });

  it("matches whole words only", () => {
    const [acme] = findMentions("Acmeville and SuperAcme and acme_corp are not Acme.", ["Acme"]);
    expect(acme?.count).toBe(1);
    expect(acme?.firstPosition).toBe("Acmeville and SuperAcme and acme_corp are not ".length);
  });

  it.each([
    ["C++", "We use C++ daily. C is older.", 1],
    ["AT&T", "AT&T and at&t are the same.", 2],
    [".NET", "Built on .NET today.", 1],
    ["Yahoo!", "Yahoo! is back.", 1],
    ["a.b", "axb is not a.b", 1],
    ["(paren)", "say (paren) twice (paren)", 2],
    ["Foo-Bar", "foo-bar wins", 1],
  ])("escapes regex special characters in %s", (brand, text, count) => {
    expect(findMentions(text, [brand])[0]?.count).toBe(count);
  });

  it("matches a brand of several words across any spacing", () => {
    expect(findMentions("Try Acme   Corp or acme\ncorp.", ["Acme Corp"])[0]?.count).toBe(2);
  });

  it("reports a brand that is never named with count 0 and a null position", () => {
    expect(findMentions("Nothing here.", ["Globex"])).toEqual([{ brand: "Globex", count: 0, firstPosition: null, sentences: [] }]);
  });

  it("keeps the request order and counts a brand asked twice in different case once", () => {
    const mentions = findMentions("Globex then Acme.", ["Acme", "globex", "ACME", "  "]);
    expect(mentions.map((m) => m.brand)).toEqual(["Acme", "globex"]);
  });

  it("quotes each sentence once even when it names the brand twice", () => {
    expect(findMentions("Acme beats Acme. Fine.", ["Acme"])[0]?.sentences).toEqual(["Acme beats Acme."]);
  });

  it("does not count a brand inside a URL", () => {
    const [acme] = findMentions("See https://acme.example/acme or Acme.", ["acme"]);
    expect(acme?.count).toBe(1);
    expect(acme?.firstPosition).toBe("See https://acme.example/acme or ".length);
  });

  it("builds a unicode-aware pattern that does not split accented words", () => {
    expect("Caféacme acme".match(brandPattern("acme"))).toEqual(["acme"]);
  });
});
