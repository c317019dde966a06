import { describe, expect, it } from "vitest";
import { analyzeAnswer } from "./monitor-service.js";
import { sandboxAnswer } from "./sandbox-answer.js";

const question = { engine: "CHATGPT" as const, prompt: "Best CRM for startups?", country: "US", brands: ["Acme", "Globex"] };

describe("sandboxAnswer", () => {
  it("gives the same answer to the same question", () => {
    expect(sandboxAnswer(question)).toEqual(sandboxAnswer({ ...question, brands: [...question.brands] }));
  });

  it.each([
    ["engine", { engine: "GEMINI" as const }],
    ["prompt", { prompt: "Best CRM for agencies?" }],
    ["country", { country: "FR" }],
    ["brands", { brands: ["Acme", "Initech"] }],
  ])("gives another answer when the %s changes", (_field, change) => {
    expect(sandboxAnswer({ ...question, ...change }).markdown).not.toBe(sandboxAnswer(question).markdown);
  });

  it("names every requested brand and cites three to five sources", () => {
    const result = analyzeAnswer("CHATGPT", sandboxAnswer(question), question.brands);
    expect(result.mentions.map((m) => m.count >= 1)).toEqual([true, true]);
    expect(result.mentions.every((m) => m.firstPosition !== null && m.sentences.length > 0)).toBe(true);
    expect(result.sources.length).toBeGreaterThanOrEqual(3);
    expect(result.sources.length).toBeLessThanOrEqual(5);
    expect(result.sources.map((s) => s.position)).toEqual(result.sources.map((_s, i) => i + 1));
    expect(result.sources.every((s) => s.url.startsWith("https://"))).toBe(true);
  });

  it("invents brands when none are asked for, so the answer still reads like one", () => {
    const result = analyzeAnswer("CLAUDE", sandboxAnswer({ ...question, brands: [] }), []);
    expect(result.text).toMatch(/1\. \S+/);
    expect(result.mentions).toEqual([]);
  });

  it("names the country and shortens a long prompt", () => {
    const markdown = sandboxAnswer({ ...question, prompt: "x".repeat(500), country: "DE" }).markdown;
    expect(markdown).toContain("Germany");
    expect(markdown).not.toContain("x".repeat(100));
  });
});
