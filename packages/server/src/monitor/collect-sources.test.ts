import { describe, expect, it } from "vitest";
import { collectSources, linksIn } from "./collect-sources.js";

describe("collectSources", () => {
  it("prefers the provider's citations, numbered from 1 in their order", () => {
    const sources = collectSources("See [ignored](https://ignored.example).", [
      { url: "https://b.example/x", title: "B", snippet: "About B" },
      { url: "https://a.example/y" },
    ]);
    expect(sources).toEqual([
      { position: 1, url: "https://b.example/x", label: "B", description: "About B" },
      { position: 2, url: "https://a.example/y", label: "a.example", description: null },
    ]);
  });

  it("falls back to the links of the answer, in order of appearance", () => {
    const markdown = "Read https://www.first.example/a, then [Second](https://second.example/b \"t\") and <https://third.example>.";
    expect(collectSources(markdown, []).map((s) => [s.position, s.url, s.label])).toEqual([
      [1, "https://www.first.example/a", "first.example"],
      [2, "https://second.example/b", "Second"],
      [3, "https://third.example", "third.example"],
    ]);
  });

  it("de-duplicates by URL, keeping the first place and filling a missing title", () => {
    const sources = collectSources("", [{ url: "https://a.example" }, { url: "https://b.example" }, { url: "https://a.example", title: "A", snippet: "S" }]);
    expect(sources).toEqual([
      { position: 1, url: "https://a.example", label: "A", description: "S" },
      { position: 2, url: "https://b.example", label: "b.example", description: null },
    ]);
  });

  it("reads links with parentheses and strips trailing punctuation from bare URLs", () => {
    expect(linksIn("[W](https://en.wikipedia.org/wiki/Acme_(company)) and https://x.example/page.").map((l) => l.url)).toEqual([
      "https://en.wikipedia.org/wiki/Acme_(company)",
      "https://x.example/page",
    ]);
  });

  it("answers no sources for an answer without links or citations", () => {
    expect(collectSources("Just text.", [])).toEqual([]);
  });
});
