/** A fixed window: at most `limit` requests per `seconds`. */
export interface RateWindow {
  limit: number;
  seconds: number;
}

const UNIT_SECONDS: Record<string, number> = {
  second: 1,
  minute: 60,
  hour: 3_600,
  day: 86_400,
};

const UNIT_ALIASES: Record<string, string> = { s: "second", sec: "second", m: "minute", min: "minute", h: "hour", d: "day" };

export const MAX_WINDOW_LIMIT = 1_000_000_000;

/**
 * Reads a window such as `100/minute`, `5000/hour`, `10/second` or `50000/day`
 * (singular unit names, or s/m/h/d). Returns null for anything else.
 *
 * @example parseRateWindow("1,000/minute") // { limit: 1000, seconds: 60 }
 */
export function parseRateWindow(text: string): RateWindow | null {
  const match = /^\s*([\d,_]+)\s*\/\s*([a-z]+)\s*$/i.exec(text);
  if (!match) return null;
  const limit = Number(match[1]!.replace(/[,_]/g, ""));
  const unit = match[2]!.toLowerCase();
  const seconds = UNIT_SECONDS[UNIT_ALIASES[unit] ?? unit];
  if (seconds === undefined || !Number.isSafeInteger(limit) || limit < 1 || limit > MAX_WINDOW_LIMIT) return null;
  return { limit, seconds };
}

/**
 * Writes a window back in the form `parseRateWindow` reads.
 *
 * @example formatRateWindow({ limit: 100, seconds: 60 }) // "100/minute"
 */
export function formatRateWindow(window: RateWindow): string {
  for (const [unit, seconds] of Object.entries(UNIT_SECONDS)) {
    if (seconds === window.seconds) return `${window.limit}/${unit}`;
  }
  return `${window.limit}/${window.seconds}s`;
}

/** Windows sorted by length, one per length (the tighter limit wins on a duplicate). */
export function normalizeWindows(windows: readonly RateWindow[]): RateWindow[] {
  const bySeconds = new Map<number, RateWindow>();
  for (const window of windows) {
    const current = bySeconds.get(window.seconds);
    if (!current || window.limit < current.limit) bySeconds.set(window.seconds, { limit: window.limit, seconds: window.seconds });
  }
  return [...bySeconds.values()].sort((a, b) => a.seconds - b.seconds);
}
