import { Type } from "typebox";
import { RoleSchema } from "./console-schemas.js";

export const MemberSchema = Type.Object({
  userId: Type.String(),
  email: Type.String(),
  displayName: Type.String(),
  role: RoleSchema,
  joinedAt: Type.String({ format: "date-time" }),
  /** The signed-in user. */
  you: Type.Boolean(),
});

export const PendingInvitationSchema = Type.Object({
  id: Type.String(),
  email: Type.String(),
  role: RoleSchema,
  createdAt: Type.String({ format: "date-time" }),
  expiresAt: Type.String({ format: "date-time" }),
});

export const TeamSchema = Type.Object({
  members: Type.Array(MemberSchema),
  /** Pending invitations; listed for owners and admins only. */
  invitations: Type.Array(PendingInvitationSchema),
});

export const InviteBody = Type.Object(
  { email: Type.String({ minLength: 3, maxLength: 254, examples: ["bob@example.com"] }), role: RoleSchema },
  { additionalProperties: false },
);

export const IssuedInvitationSchema = Type.Object({
  invitation: PendingInvitationSchema,
  /** The link to send to the invitee: single use, valid 7 days, shown only in this response. */
  inviteUrl: Type.String(),
});

export const SetRoleBody = Type.Object({ role: RoleSchema }, { additionalProperties: false });

export const MemberParams = Type.Object({ workspaceId: Type.String({ maxLength: 64 }), userId: Type.String({ maxLength: 64 }) });
export const InvitationParams = Type.Object({ workspaceId: Type.String({ maxLength: 64 }), invitationId: Type.String({ maxLength: 64 }) });

const InvitationToken = Type.String({ minLength: 1, maxLength: 200 });

export const InvitationTokenBody = Type.Object({ token: InvitationToken }, { additionalProperties: false });

export const InvitationPreviewSchema = Type.Object({
  workspaceName: Type.String(),
  workspaceSlug: Type.String(),
  email: Type.String(),
  role: RoleSchema,
  status: Type.Union([Type.Literal("pending"), Type.Literal("accepted"), Type.Literal("expired"), Type.Literal("revoked")]),
  /** An account with the invited email exists: sign in to accept, instead of creating one. */
  accountExists: Type.Boolean(),
});

export const AcceptInvitationBody = Type.Object(
  {
    token: InvitationToken,
    /** With no session: the new account's name and password (its email is the invited one). */
    displayName: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    password: Type.Optional(Type.String({ minLength: 8, maxLength: 256 })),
  },
  { additionalProperties: false },
);
