import { outcomeOfStatus } from "../usage/usage-recorder.js";
import type { UsageOutcome } from "../store/index.js";

const OUTCOMES: readonly UsageOutcome[] = ["ok", "401", "403", "429", "4xx", "5xx"];
const OUTCOME_INDEX: Record<UsageOutcome, number> = { ok: 0, "401": 1, "403": 2, "429": 3, "4xx": 4, "5xx": 5 };

/**
 * Requests per route and outcome, counted in plain arrays: incrementing a labelled
 * Prometheus counter hashes its labels on every call, which the hot path doesn't need.
 * The numbers are copied into the registry only when /metrics is scraped.
 */
export class RequestCounters {
  private readonly byRoute = new Map<string, Float64Array>();

  count(route: string, status: number): void {
    let counts = this.byRoute.get(route);
    if (counts === undefined) {
      counts = new Float64Array(OUTCOMES.length);
      this.byRoute.set(route, counts);
    }
    counts[OUTCOME_INDEX[outcomeOfStatus(status)]]! += 1;
  }

  *entries(): Generator<{ route: string; outcome: UsageOutcome; count: number }> {
    for (const [route, counts] of this.byRoute) {
      for (let i = 0; i < OUTCOMES.length; i++) {
        if (counts[i]! > 0) yield { route, outcome: OUTCOMES[i]!, count: counts[i]! };
      }
    }
  }
}
