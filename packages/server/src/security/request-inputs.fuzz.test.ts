import fc from "fast-check";
import { afterAll, beforeAll, describe, it } from "vitest";
import { bearer } from "../test-support/test-keyward.js";
import { bodyArbitrary, contentTypeArbitrary, queryStringArbitrary, routeUrlArbitrary } from "../test-support/fuzz-arbitraries.js";
import {
  dialectOfPath,
  expectSoundResponse,
  FUZZ_RUNS,
  FUZZ_TIMEOUT_MS,
  startFuzzTestbed,
  type FuzzRoute,
  type FuzzTestbed,
} from "../test-support/fuzz-testbed.js";

type Method = "GET" | "POST" | "PATCH" | "PUT" | "DELETE";

// Route families: each gets its own 10,000 cases, so a family with many routes is not starved.
const FAMILIES = [
  { name: "health", prefix: "/v1/health" },
  { name: "keys", prefix: "/v1/keys" },
  { name: "prompts", prefix: "/v1/prompts" },
  { name: "monitor", prefix: "/v1/monitor" },
  { name: "credits and usage", prefix: "/v1/(credits|usage)" },
] as const;

describe("fuzzing request bodies and query strings with a valid key of every scope", () => {
  let bed: FuzzTestbed;
  let known: string[];
  beforeAll(async () => {
    bed = await startFuzzTestbed();
    known = [bed.sacrificialKeyId, bed.workspaceSlug, `@${bed.workspaceSlug}/welcome:v1`, "welcome", "latest", "key_0000000000000000000000"];
  });
  afterAll(async () => {
    await bed.close();
  });

  const routesOf = (prefix: string, withBody: boolean): FuzzRoute[] =>
    bed.routes.filter((route) => new RegExp(`^${prefix}(/|$)`).test(route.path) && (!withBody || route.method !== "GET"));

  const requestArbitrary = (routes: FuzzRoute[], part: "body" | "query") =>
    fc.constantFrom(...routes).chain((route) =>
      fc.record({
        route: fc.constant(route),
        url: routeUrlArbitrary(route.path, known),
        query: part === "query" ? queryStringArbitrary(route.queryFields, bed.secret) : fc.constant(""),
        body: part === "body" ? bodyArbitrary(route.bodyFields, bed.secret) : fc.constant(undefined),
        contentType: part === "body" ? contentTypeArbitrary : fc.constant(undefined),
      }),
    );

  const fuzz = async (routes: FuzzRoute[], part: "body" | "query") => {
    await fc.assert(
      fc.asyncProperty(requestArbitrary(routes, part), async ({ route, url, query, body, contentType }) => {
        const response = await bed.t.keyward.app.inject({
          method: route.method as Method,
          url: query ? `${url}?${query}` : url,
          headers: { ...bearer(bed.secret), ...(contentType === undefined ? {} : { "content-type": contentType }) },
          ...(body === undefined ? {} : { payload: body }),
        });
        // The path as the server sees it: a client resolves `..` segments before sending.
        expectSoundResponse(response, dialectOfPath(new URL(url, "http://fuzz.invalid").pathname), [bed.secret]);
      }),
      { numRuns: FUZZ_RUNS },
    );
  };

  for (const family of FAMILIES) {
    it(`${family.name}: ${FUZZ_RUNS} random JSON bodies answer without a 5xx, in the route's dialect`, async (context) => {
      const routes = routesOf(family.prefix, true);
      if (routes.length === 0) {
        console.log(`skipped: no ${family.name} route takes a body in this build`);
        context.skip();
        return;
      }
      await fuzz(routes, "body");
    }, FUZZ_TIMEOUT_MS);

    it(`${family.name}: ${FUZZ_RUNS} random query strings answer without a 5xx, in the route's dialect`, async (context) => {
      const routes = routesOf(family.prefix, false);
      if (routes.length === 0) {
        console.log(`skipped: no ${family.name} route in this build`);
        context.skip();
        return;
      }
      await fuzz(routes, "query");
    }, FUZZ_TIMEOUT_MS);
  }
});
