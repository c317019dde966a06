import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import type { FastifyInstance } from "fastify";
import { Type } from "typebox";
import { ApiError } from "../errors/index.js";
import { RegistryErrorResponses } from "../http/error-schemas.js";
import type { CreditBalance, CreditService } from "./credit-service.js";

const CreditBalanceSchema = Type.Object(
  {
    remaining: Type.Integer({ minimum: 0, examples: [750] }),
    perCycle: Type.Integer({ minimum: 0, examples: [1000] }),
    cycleResetsAt: Type.String({ format: "date-time", examples: ["2024-02-01T00:00:00.000Z"] }),
  },
  { description: "The workspace's credits in the current billing cycle" },
);

export function presentCreditBalance(balance: CreditBalance) {
  return { remaining: balance.remaining, perCycle: balance.perCycle, cycleResetsAt: new Date(balance.cycleResetsAt).toISOString() };
}

/** `GET /v1/credits`: the balance of the key's workspace, for any valid key of it. */
export function registerCreditRoutes(root: FastifyInstance, credits: CreditService): void {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  app.get(
    "/v1/credits",
    {
      config: { auth: {} },
      schema: {
        tags: ["Credits"],
        summary: "Credits left in the current billing cycle",
        security: [{ bearerAuth: [] }],
        response: { 200: CreditBalanceSchema, ...RegistryErrorResponses },
      },
    },
    async function getCredits(request) {
      const key = request.apiKey;
      if (key === null) throw new ApiError("unauthorized");
      return presentCreditBalance(await credits.balanceOf(key.workspaceId));
    },
  );
}
