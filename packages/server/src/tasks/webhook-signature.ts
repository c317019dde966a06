import { createHmac, timingSafeEqual } from "node:crypto";

/** The header a webhook's signature travels in: `t=<unix seconds>,v1=<hex HMAC-SHA256>`. */
export const WEBHOOK_SIGNATURE_HEADER = "keyward-signature";

/**
 * A workspace's webhook signing secret, derived from the server's own secret: every instance
 * computes the same one without storing it, and no workspace can compute another's.
 *
 * @example workspaceWebhookSecret(serverSecret, "ws_abc") // "whsec_…"
 */
export function workspaceWebhookSecret(serverSecret: string, workspaceId: string): string {
  return `whsec_${createHmac("sha256", serverSecret).update(`webhook:${workspaceId}`).digest("base64url")}`;
}

/**
 * Signs a webhook body: HMAC-SHA256 over `<timestamp>.<body>`, so a captured delivery cannot
 * be replayed later with another timestamp.
 *
 * @example const header = signWebhook(secret, Math.floor(Date.now() / 1000), body);
 */
export function signWebhook(secret: string, timestampSeconds: number, body: string): string {
  const signature = createHmac("sha256", secret).update(`${timestampSeconds}.${body}`).digest("hex");
  return `t=${timestampSeconds},v1=${signature}`;
}

/**
 * Checks a webhook as a receiver should: the signature matches (compared in constant time,
 * so it cannot be guessed byte by byte) and the timestamp is within `toleranceSeconds`.
 *
 * @example if (!verifyWebhookSignature(secret, req.headers["keyward-signature"], rawBody)) return res.status(400).end();
 */
export function verifyWebhookSignature(secret: string, header: string | undefined, body: string, nowSeconds = Math.floor(Date.now() / 1000), toleranceSeconds = 300): boolean {
  const match = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(header ?? "");
  if (!match) return false;
  const timestamp = Number(match[1]);
  if (Math.abs(nowSeconds - timestamp) > toleranceSeconds) return false;
  const expected = Buffer.from(signWebhook(secret, timestamp, body).slice(-64), "hex");
  return timingSafeEqual(expected, Buffer.from(match[2] as string, "hex"));
}
