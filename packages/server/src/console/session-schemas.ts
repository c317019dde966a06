import { Type } from "typebox";

const Password = Type.String({ minLength: 1, maxLength: 256 });

export const SignInBody = Type.Object(
  {
    email: Type.String({ minLength: 3, maxLength: 254, examples: ["ada@example.com"] }),
    password: Password,
  },
  { additionalProperties: false },
);

export const ChangePasswordBody = Type.Object(
  { currentPassword: Password, newPassword: Type.String({ minLength: 8, maxLength: 256 }) },
  { additionalProperties: false },
);

export const SwitchWorkspaceBody = Type.Object({ workspaceId: Type.String({ maxLength: 64 }) }, { additionalProperties: false });

export const SessionSchema = Type.Object({
  id: Type.String(),
  createdAt: Type.String({ format: "date-time" }),
  lastSeenAt: Type.String({ format: "date-time" }),
  expiresAt: Type.String({ format: "date-time" }),
  ip: Type.Union([Type.String(), Type.Null()]),
  userAgent: Type.Union([Type.String(), Type.Null()]),
  /** The session this request came from. */
  current: Type.Boolean(),
});

export const SessionListSchema = Type.Object({ sessions: Type.Array(SessionSchema) });

export const SessionIdParams = Type.Object({ sessionId: Type.String({ maxLength: 64 }) });
