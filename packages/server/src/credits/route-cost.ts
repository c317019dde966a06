import type { CreditCharge } from "./credit-store.js";

declare module "fastify" {
  interface FastifyContextConfig {
    /**
     * Credits a request of this route costs its workspace (default 0: free). Charged when
     * the request is admitted and given back when its answer is an error.
     */
    cost?: number;
  }
  interface FastifyRequest {
    /** What this request was charged, until the charge stands or is given back. */
    creditCharge: CreditCharge | null;
  }
}

export {};
