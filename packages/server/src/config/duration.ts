const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86_400, w: 604_800 };

/**
 * Parses a duration such as `30d`, `24h`, `90m`, `45s` or `2w` into seconds.
 * Returns null for anything else (no silent zero).
 *
 * @example parseDurationSeconds("24h") // 86400
 */
export function parseDurationSeconds(text: string): number | null {
  const match = /^(\d{1,9})\s*([smhdw])$/i.exec(text.trim());
  if (!match) return null;
  const seconds = Number(match[1]) * UNIT_SECONDS[match[2]!.toLowerCase()]!;
  return Number.isSafeInteger(seconds) ? seconds : null;
}
