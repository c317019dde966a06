import { Type, type Static } from "typebox";
import { ROLES } from "../workspaces/roles.js";

/** Shapes shared by the dashboard's routes. Every route has a schema: it feeds /openapi.json and the dashboard's types. */

export const RoleSchema = Type.Union([Type.Literal("owner"), Type.Literal("admin"), Type.Literal("member"), Type.Literal("viewer")], {
  description: "A member's role in a workspace",
});

// The literal list above must stay the roles the services know.
ROLES satisfies ReadonlyArray<Static<typeof RoleSchema>>;

export const SubscriptionStatusSchema = Type.Union([Type.Literal("active"), Type.Literal("past_due"), Type.Literal("canceled")]);

export const UserSchema = Type.Object({
  id: Type.String(),
  email: Type.String(),
  displayName: Type.String(),
  createdAt: Type.String({ format: "date-time" }),
});

export const PermissionsSchema = Type.Object({
  createKeys: Type.Boolean(),
  manageAllKeys: Type.Boolean(),
  editPrompts: Type.Boolean(),
  manageMembers: Type.Boolean(),
  viewAuditLog: Type.Boolean(),
  editSettings: Type.Boolean(),
  grantableScopes: Type.Array(Type.String()),
});

export const MyWorkspaceSchema = Type.Object({
  id: Type.String(),
  slug: Type.String(),
  name: Type.String(),
  role: RoleSchema,
  subscriptionStatus: SubscriptionStatusSchema,
  plan: Type.String(),
  createdAt: Type.String({ format: "date-time" }),
  permissions: PermissionsSchema,
});

export const SignedInSchema = Type.Object({
  signedIn: Type.Literal(true),
  user: UserSchema,
  /** Send it back in `x-csrf-token` on every POST, PUT, PATCH and DELETE. */
  csrfToken: Type.String(),
  sessionId: Type.String(),
  sessionExpiresAt: Type.String({ format: "date-time" }),
  workspaces: Type.Array(MyWorkspaceSchema),
  /** The workspace to show: the one last switched to, else the first. Null with no workspace. */
  currentWorkspaceId: Type.Union([Type.String(), Type.Null()]),
});

export const SignedOutSchema = Type.Object({
  signedIn: Type.Literal(false),
  /** True until the first owner account exists (then the setup link in the server log is the way in). */
  needsSetup: Type.Boolean(),
});

export const SessionStateSchema = Type.Union([SignedInSchema, SignedOutSchema], {
  description: "Who is signed in to the dashboard, or what to do to get in",
});

export const WorkspaceParams = Type.Object({ workspaceId: Type.String({ maxLength: 64 }) });

export const EmptyBody = Type.Object({}, { additionalProperties: false });

export const NoContent = Type.Null({ description: "Done" });
