import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import type { FastifyInstance } from "fastify";
import { userActor } from "../audit/index.js";
import { ApiError } from "../errors/index.js";
import { RegistryErrorResponses } from "../http/error-schemas.js";
import { normalizeEmail } from "../workspaces/email.js";
import { validatePassword } from "../workspaces/password-hash.js";
import { validateWorkspaceSlug } from "../workspaces/workspace-service.js";
import type { ConsoleContext } from "./console-context.js";
import { SignedInSchema } from "./console-schemas.js";
import { CompleteSetupBody, SetupTokenStateSchema, VerifySetupTokenBody } from "./setup-schemas.js";
import { startSession } from "./start-session.js";

const tags = ["Console"];

function alreadySetUp(): ApiError {
  return new ApiError("conflict", { message: "Keyward is already set up: sign in instead" });
}

/** `/api/console/setup`: the first run, where the setup link from the server log creates the owner and the first workspace. */
export function registerSetupRoutes(root: FastifyInstance, ctx: ConsoleContext): void {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();

  app.post(
    "/setup/verify",
    {
      config: { console: { public: true } },
      schema: { tags, summary: "Check a setup link before filling in the form", body: VerifySetupTokenBody, response: { 200: SetupTokenStateSchema, ...RegistryErrorResponses } },
    },
    async function verifySetupToken(request) {
      const needsSetup = (await ctx.users.count()) === 0;
      return { needsSetup, tokenValid: needsSetup && (await ctx.setupTokens.isValid(request.body.token)) };
    },
  );

  app.post(
    "/setup",
    {
      config: { console: { public: true } },
      schema: {
        tags,
        summary: "Create the owner account and the first workspace, and sign in",
        body: CompleteSetupBody,
        response: { 201: SignedInSchema, ...RegistryErrorResponses },
      },
    },
    async function completeSetup(request, reply) {
      const body = request.body;
      if ((await ctx.users.count()) > 0) throw alreadySetUp();
      // Everything that can be checked is checked before the single-use token is spent.
      normalizeEmail(body.email);
      validatePassword(body.password);
      const slug = validateWorkspaceSlug(body.workspaceSlug);
      if (await ctx.store.findWorkspaceBySlug(slug)) throw new ApiError("conflict", { message: `Workspace "${slug}" already exists` });
      if (!(await ctx.setupTokens.consume(body.token))) {
        throw new ApiError("forbidden", {
          message: "This setup link is invalid, expired or already used. Restart the server to get a new one.",
        });
      }
      let user;
      try {
        user = await ctx.users.create({ email: body.email, displayName: body.displayName, password: body.password });
      } catch (error) {
        await ctx.setupTokens.release(body.token);
        throw error;
      }
      const actor = userActor(user.id, request.ip);
      const workspace = await ctx.workspaces.create({ slug, name: body.workspaceName, ownerUserId: user.id }, actor);
      await ctx.audit.record({ workspaceId: workspace.id, actor, action: "user.created", target: { type: "user", id: user.id }, metadata: { email: user.email } });
      const state = await startSession(ctx, request, reply, user, workspace.id);
      reply.code(201);
      return state;
    },
  );
}
