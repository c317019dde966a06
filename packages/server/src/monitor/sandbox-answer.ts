import { createHash } from "node:crypto";
import { countryNameOrNull, type Citation, type EngineAnswer } from "./engine-answer.js";
import type { Engine } from "./engines.js";

export interface SandboxQuestion {
  engine: Engine;
  prompt: string;
  country: string;
  brands: readonly string[];
}

// Stand-ins when the caller names no brand, so the answer still reads like a real one.
const FICTIONAL_BRANDS = ["Acme", "Globex", "Initech", "Hooli", "Umbrella", "Vandelay", "Soylent", "Wonka"];

const STRENGTHS = [
  "is often recommended for how quickly a small team can get started",
  "stands out for pricing that scales with usage",
  "gets consistently strong reviews for its customer support",
  "offers the broadest set of integrations in this list",
  "is a solid choice for larger organisations with compliance needs",
  "earns high marks for reporting and analytics",
  "is praised for a clean, well-documented API",
  "is the budget-friendly pick, with a generous free tier",
];

const INTROS = [
  "Here is an overview based on recent reviews and community discussions",
  "Several options come up repeatedly in comparisons and user reviews",
  "The answer depends on your team size and budget, but these are the names that come up most",
];

const SOURCES: Array<(slug: string, n: number) => Citation> = [
  (slug) => ({ url: `https://www.g2.com/categories/${slug}`, title: "G2 — Best software, real user reviews", snippet: "Compare ratings and reviews from verified users." }),
  (slug) => ({ url: `https://www.capterra.com/${slug}-software/`, title: "Capterra — Software comparisons", snippet: "Side-by-side comparison of features and pricing." }),
  (slug, n) => ({ url: `https://www.reddit.com/r/SaaS/comments/${n.toString(36)}/${slug.replaceAll("-", "_")}/`, title: "Reddit — r/SaaS discussion", snippet: "What practitioners recommend, and why." }),
  (slug) => ({ url: `https://www.forbes.com/advisor/business/software/best-${slug}/`, title: "Forbes Advisor — The best picks this year", snippet: "Expert picks with pros and cons." }),
  (slug) => ({ url: `https://www.techradar.com/best/best-${slug}`, title: "TechRadar — Best of the year", snippet: "Tested and ranked by reviewers." }),
  (slug) => ({ url: `https://www.pcmag.com/picks/the-best-${slug}`, title: "PCMag — The best picks", snippet: "Lab-tested recommendations." }),
  (slug) => ({ url: `https://www.trustradius.com/${slug}`, title: "TrustRadius — Verified reviews", snippet: undefined }),
  (_slug, n) => ({ url: `https://news.ycombinator.com/item?id=${30_000_000 + (n % 9_000_000)}`, title: "Hacker News discussion", snippet: undefined }),
];

/** A stream of numbers drawn from the SHA-256 of the question: same question, same numbers. */
function seededNumbers(seed: string): () => number {
  let block = createHash("sha256").update(seed).digest();
  let counter = 0;
  let offset = 0;
  return function next() {
    if (offset + 4 > block.length) {
      block = createHash("sha256").update(`${seed}:${++counter}`).digest();
      offset = 0;
    }
    const value = block.readUInt32BE(offset);
    offset += 4;
    return value;
  };
}

function shuffled<T>(items: readonly T[], next: () => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = next() % (i + 1);
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}

function slugOf(prompt: string): string {
  const words = prompt.toLowerCase().match(/[a-z0-9]+/g) ?? [];
  const meaningful = words.filter((word) => word.length > 2 && !["the", "and", "for", "what", "which", "best", "are", "with", "how"].includes(word));
  return meaningful.slice(0, 3).map((word) => word.slice(0, 20)).join("-") || "software";
}

/**
 * The sandbox engine: a realistic, deterministic answer (seeded from the SHA-256 of the
 * engine, prompt, country and brands) that cites three to five sources and names every
 * requested brand. No provider is called, so integrators can build against it for free.
 *
 * @example sandboxAnswer({ engine: "CHATGPT", prompt: "Best CRM?", country: "US", brands: ["Acme"] }).markdown
 */
export function sandboxAnswer(question: SandboxQuestion): EngineAnswer {
  const next = seededNumbers(JSON.stringify([question.engine, question.prompt, question.country, question.brands]));
  const slug = slugOf(question.prompt);
  const sourceCount = 3 + (next() % 3);
  const citations = shuffled(SOURCES, next)
    .slice(0, sourceCount)
    .map((source) => source(slug, next()));
  const named = question.brands.map((brand) => brand.trim()).filter((brand) => brand !== "");
  const brands = shuffled(named.length > 0 ? named : shuffled(FICTIONAL_BRANDS, next).slice(0, 3), next);
  const strengths = shuffled(STRENGTHS, next);
  const quoted = question.prompt.length > 80 ? `${question.prompt.slice(0, 77).trimEnd()}…` : question.prompt;
  const country = countryNameOrNull(question.country) ?? question.country;
  const cite = (index: number) => {
    const source = citations[index % citations.length] as Citation;
    return `[${source.title ?? "source"}](${source.url})`;
  };

  const lines = [
    `${INTROS[next() % INTROS.length]} for "${quoted}" (for users in ${country}) ${cite(0)}.`,
    "",
    "## Top options",
    "",
    ...brands.map((brand, index) => `${index + 1}. **${brand}** ${strengths[index % strengths.length]} ${cite(index + 1)}.`),
    "",
    `Overall, **${brands[0]}** is the most frequently recommended choice, though ${brands.length > 1 ? `${brands[1]} is close behind` : "it is worth trying the alternatives"}. Check current pricing before you commit ${cite(brands.length + 1)}.`,
  ];
  return { markdown: lines.join("\n"), citations };
}
