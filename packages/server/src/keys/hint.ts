/**
 * The display form of a key: its prefix with four characters, an ellipsis and the last four.
 *
 * @example keyHint("sk_live_KWca3u3Q…meqyC") // "sk_live_KWca…eqyC"
 */
export function keyHint(key: string): string {
  return `${key.slice(0, 12)}…${key.slice(-4)}`;
}
