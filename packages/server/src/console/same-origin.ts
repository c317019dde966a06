import type { FastifyRequest } from "fastify";

/**
 * True when a state-changing request comes from the dashboard's own origin. Browsers send
 * `Sec-Fetch-Site` and `Origin` on every cross-site POST, PUT, PATCH and DELETE, so a page
 * on another site is refused here even before the CSRF token is checked. Requests without
 * either header (curl, scripts) carry no ambient cookie risk and go on to the token check.
 */
export function isSameOriginRequest(request: FastifyRequest, publicUrl: string | undefined): boolean {
  const site = request.headers["sec-fetch-site"];
  if (site !== undefined && site !== "same-origin" && site !== "none") return false;
  const origin = request.headers.origin;
  if (origin === undefined) return true;
  const allowed = new Set([`${request.protocol}://${request.host}`]);
  if (publicUrl) {
    try {
      allowed.add(new URL(publicUrl).origin);
    } catch {
      // A malformed public URL adds nothing; the request's own origin still counts.
    }
  }
  return allowed.has(origin);
}
