import type { FastifyRequest } from "fastify";

/** The origin links point to: KEYWARD_PUBLIC_URL when set, else the origin this request reached. */
export function publicBaseUrl(request: FastifyRequest, publicUrl: string | undefined): string {
  return (publicUrl ?? `${request.protocol}://${request.host}`).replace(/\/+$/, "");
}
