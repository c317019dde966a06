import type { FastifyHelmetOptions } from "@fastify/helmet";

/**
 * Security headers for the dashboard and its API. Scripts come only from our own origin
 * (the build emits no inline script); styles allow inline because the component library
 * sets CSS variables at run time, which cannot run code. Nobody may frame the dashboard
 * (clickjacking), and no URL — a setup or invitation link holds a token — leaks through
 * the Referer header.
 */
export const DASHBOARD_SECURITY_HEADERS: FastifyHelmetOptions = {
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", "data:"],
      fontSrc: ["'self'"],
      connectSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'none'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
  },
  frameguard: { action: "deny" },
  referrerPolicy: { policy: "no-referrer" },
  crossOriginEmbedderPolicy: false,
};
