import type { UserWorkspace, UserRecord } from "../workspaces/people-records.js";
import { permissionsOf } from "./console-permissions.js";
import type { ConsoleAuth } from "./console-request.js";

export function presentUser(user: UserRecord) {
  return { id: user.id, email: user.email, displayName: user.displayName, createdAt: new Date(user.createdAt).toISOString() };
}

export function presentMyWorkspace(entry: UserWorkspace) {
  const { workspace, role } = entry;
  return {
    id: workspace.id,
    slug: workspace.slug,
    name: workspace.name,
    role,
    subscriptionStatus: workspace.subscriptionStatus,
    plan: workspace.plan,
    createdAt: new Date(workspace.createdAt).toISOString(),
    permissions: permissionsOf(role),
  };
}

/** The signed-in state the dashboard starts from: who, their workspaces, which one is current. */
export function presentSignedIn(auth: ConsoleAuth, workspaces: UserWorkspace[]) {
  const mine = workspaces.map(presentMyWorkspace);
  const current = mine.find((workspace) => workspace.id === auth.session.workspaceId) ?? mine[0];
  return {
    signedIn: true as const,
    user: presentUser(auth.user),
    csrfToken: auth.csrfToken,
    sessionId: auth.session.id,
    sessionExpiresAt: new Date(auth.session.expiresAt).toISOString(),
    workspaces: mine,
    currentWorkspaceId: current?.id ?? null,
  };
}
