import { Type } from "typebox";
import { IssuedKeySchema, KeySchema, RotatedKeySchema, ScopeSchema } from "../management/key-schemas.js";
import { SCOPES } from "../auth/index.js";

export const ConsoleKeySchema = Type.Object(
  {
    ...KeySchema.properties,
    /** Who created it, by name (null for keys made by the CLI or a removed member). */
    createdByName: Type.Union([Type.String(), Type.Null()]),
    /** Active and older than 90 days: time for a rotation. */
    rotateRecommended: Type.Boolean(),
    /** Active and not used for 30 days (or never, since it was created 30 days ago). */
    unused: Type.Boolean(),
    /** Whether the signed-in user may rename, rotate and revoke it. */
    canManage: Type.Boolean(),
  },
  { description: "An API key as the dashboard lists it" },
);

export const ConsoleKeyListQuery = Type.Object(
  {
    search: Type.Optional(Type.String({ maxLength: 100, description: "Matches the name, hint or id" })),
    environment: Type.Optional(Type.Union([Type.Literal("live"), Type.Literal("test")])),
    status: Type.Optional(Type.Union([Type.Literal("active"), Type.Literal("revoked"), Type.Literal("expired")])),
  },
  { additionalProperties: false },
);

export const ConsoleKeyListSchema = Type.Object({
  keys: Type.Array(ConsoleKeySchema),
  /** Keys in the workspace before filtering: tells "no match" from "no keys yet". */
  total: Type.Integer(),
});

export const ConsoleCreateKeyBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100, examples: ["Production Server"] }),
    environment: Type.Union([Type.Literal("live"), Type.Literal("test")]),
    scopes: Type.Array(ScopeSchema, { minItems: 1, maxItems: SCOPES.length, uniqueItems: true }),
    expiresAt: Type.Union([Type.String({ format: "date-time" }), Type.Null()]),
  },
  { additionalProperties: false },
);

export const ConsoleRenameKeyBody = Type.Object(
  { name: Type.String({ minLength: 1, maxLength: 100 }) },
  { additionalProperties: false },
);

/** The grace periods the dashboard offers: now, 1 hour, 24 hours, 7 days. */
export const GRACE_PERIODS = [0, 3_600, 86_400, 604_800] as const;

export const ConsoleRotateKeyBody = Type.Object(
  { gracePeriodSeconds: Type.Union(GRACE_PERIODS.map((seconds) => Type.Literal(seconds))) },
  { additionalProperties: false },
);

export const ConsoleKeyParams = Type.Object({ workspaceId: Type.String({ maxLength: 64 }), keyId: Type.String({ maxLength: 64 }) });

export { IssuedKeySchema, RotatedKeySchema };
