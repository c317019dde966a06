import type { FastifyReply, FastifyRequest } from "fastify";
import { SESSION_MAX_MS } from "./session-service.js";

export const SESSION_COOKIE = "keyward_session";

/**
 * The session cookie: HttpOnly (no script reads it), SameSite=Strict (no other site's
 * page can make the browser send it) and Secure whenever the dashboard is reached over
 * HTTPS — directly, through a trusted proxy (Fastify's `request.protocol` honours
 * trustProxy), or because KEYWARD_PUBLIC_URL says https.
 */
function cookieOptions(request: FastifyRequest, publicUrl: string | undefined) {
  return {
    path: "/",
    httpOnly: true,
    sameSite: "strict" as const,
    secure: request.protocol === "https" || (publicUrl?.startsWith("https://") ?? false),
  };
}

export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string, publicUrl: string | undefined): void {
  // The server ends idle sessions itself; the cookie only needs to outlive the longest one.
  reply.setCookie(SESSION_COOKIE, token, { ...cookieOptions(request, publicUrl), maxAge: Math.floor(SESSION_MAX_MS / 1000) });
}

export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply, publicUrl: string | undefined): void {
  reply.clearCookie(SESSION_COOKIE, cookieOptions(request, publicUrl));
}
