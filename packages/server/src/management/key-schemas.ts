import { Type } from "typebox";
import { SCOPES } from "../auth/index.js";
import { MAX_GRACE_SECONDS } from "./key-service.js";

const Nullable = <T extends ReturnType<typeof Type.String>>(schema: T) => Type.Union([schema, Type.Null()]);

export const ScopeSchema = Type.Union(
  SCOPES.map((scope) => Type.Literal(scope)),
  { description: "A permission a key carries" },
);

export const KeySchema = Type.Object(
  {
    id: Type.String({ examples: ["key_3kTMd0Cq1l8SzU9bV2xw7a"] }),
    name: Type.String(),
    workspaceId: Type.String(),
    environment: Type.Union([Type.Literal("live"), Type.Literal("test")]),
    scopes: Type.Array(Type.String()),
    hint: Type.String({ description: "Prefix and last four characters: sk_live_KWca…eqyC" }),
    status: Type.Union([Type.Literal("active"), Type.Literal("revoked"), Type.Literal("expired")]),
    createdAt: Type.String({ format: "date-time" }),
    createdBy: Nullable(Type.String()),
    lastUsedAt: Nullable(Type.String({ format: "date-time" })),
    expiresAt: Nullable(Type.String({ format: "date-time" })),
    revokedAt: Nullable(Type.String({ format: "date-time" })),
    replacesKeyId: Nullable(Type.String()),
    replacedByKeyId: Nullable(Type.String()),
  },
  { description: "An API key, without its secret" },
);

const secretProperty = { key: Type.String({ description: "The secret. Shown only in this response." }) };

export const IssuedKeySchema = Type.Object(
  { ...KeySchema.properties, ...secretProperty },
  { description: "A new key with its secret, shown once" },
);

export const RotatedKeySchema = Type.Object(
  {
    ...KeySchema.properties,
    ...secretProperty,
    replaces: Type.String({ description: "The id of the key this one replaces" }),
    oldKeyExpiresAt: Type.String({ format: "date-time", description: "When the old key stops working" }),
  },
  { description: "The replacement key with its secret, shown once, and when the old key ends" },
);

export const CreateKeyBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100, examples: ["Production Server"] }),
    environment: Type.Optional(Type.Union([Type.Literal("live"), Type.Literal("test")])),
    scopes: Type.Optional(Type.Array(ScopeSchema, { maxItems: SCOPES.length, uniqueItems: true })),
    expiresAt: Type.Optional(Type.Union([Type.String({ format: "date-time" }), Type.Null()])),
  },
  { additionalProperties: false },
);

export const UpdateKeyBody = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    scopes: Type.Optional(Type.Array(ScopeSchema, { maxItems: SCOPES.length, uniqueItems: true })),
    expiresAt: Type.Optional(Type.Union([Type.String({ format: "date-time" }), Type.Null()])),
  },
  { additionalProperties: false, minProperties: 1 },
);

export const RotateKeyBody = Type.Object(
  {
    gracePeriodSeconds: Type.Optional(
      Type.Integer({ minimum: 0, maximum: MAX_GRACE_SECONDS, description: "How long the old key keeps working (default 0)" }),
    ),
  },
  { additionalProperties: false },
);

export const KeyIdParams = Type.Object({ id: Type.String({ maxLength: 64, pattern: "^[A-Za-z0-9_]+$", description: "key_…" }) });

export const ListKeysQuery = Type.Object(
  {
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
    cursor: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
);

export const KeyListSchema = Type.Object({
  keys: Type.Array(KeySchema),
  cursor: Nullable(Type.String()),
  hasMore: Type.Boolean(),
});
