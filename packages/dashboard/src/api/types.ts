import type { paths } from "./schema.gen";

type JsonOf<R> = R extends { content: { "application/json": infer T } } ? T : never;

/** The JSON a route answers with its success status (200 or 201). */
export type ResponseOf<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends { responses: infer R }
  ? R extends { 200: infer Ok }
    ? JsonOf<Ok>
    : R extends { 201: infer Created }
      ? JsonOf<Created>
      : never
  : never;

/** The JSON body a route takes. */
export type BodyOf<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends {
  requestBody?: { content: { "application/json": infer B } };
}
  ? B
  : never;

export type SessionState = ResponseOf<"/api/console/session", "get">;
export type SignedIn = Extract<SessionState, { signedIn: true }>;
export type MyWorkspace = SignedIn["workspaces"][number];
export type Permissions = MyWorkspace["permissions"];
export type Role = MyWorkspace["role"];

export type KeyList = ResponseOf<"/api/console/workspaces/{workspaceId}/keys", "get">;
export type ConsoleKey = KeyList["keys"][number];
export type IssuedKey = ResponseOf<"/api/console/workspaces/{workspaceId}/keys", "post">;
export type RotatedKey = ResponseOf<"/api/console/workspaces/{workspaceId}/keys/{keyId}/rotate", "post">;
export type CreateKeyBody = BodyOf<"/api/console/workspaces/{workspaceId}/keys", "post">;
export type Scope = CreateKeyBody["scopes"][number];

export type PromptList = ResponseOf<"/api/console/workspaces/{workspaceId}/prompts", "get">;
export type Prompt = PromptList["prompts"][number];
export type PromptVersions = ResponseOf<"/api/console/workspaces/{workspaceId}/prompts/{slug}/versions", "get">;

export type Team = ResponseOf<"/api/console/workspaces/{workspaceId}/members", "get">;
export type Member = Team["members"][number];
export type Usage = ResponseOf<"/api/console/workspaces/{workspaceId}/usage", "get">;
export type AuditPage = ResponseOf<"/api/console/workspaces/{workspaceId}/audit", "get">;
export type AuditEntry = AuditPage["entries"][number];
export type SessionList = ResponseOf<"/api/console/session/sessions", "get">;
export type InvitationPreview = ResponseOf<"/api/console/invitations/preview", "post">;
export type AuditQuery = NonNullable<paths["/api/console/workspaces/{workspaceId}/audit"]["get"]["parameters"]["query"]>;
export type KeyQuery = NonNullable<paths["/api/console/workspaces/{workspaceId}/keys"]["get"]["parameters"]["query"]>;
