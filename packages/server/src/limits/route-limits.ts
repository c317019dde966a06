// The request fields the limits keep for the end of a request.
declare module "fastify" {
  interface FastifyRequest {
    /** The workspace whose concurrency slot this request holds, until it is given back. */
    limitsSlot: string | null;
  }
}

export {};
