import type { Kysely } from "kysely";
import type { Store } from "../store/index.js";
import type { Database } from "../store/schema.js";
import { InvitationService } from "./invitation-service.js";
import { MembershipService, type PeopleServiceOptions } from "./membership-service.js";
import { UserService } from "./user-service.js";
import { WorkspaceService } from "./workspace-service.js";

/** Users, memberships, invitations and workspaces, sharing one audit log and change listener. */
export interface PeopleServices {
  users: UserService;
  memberships: MembershipService;
  invitations: InvitationService;
  workspaces: WorkspaceService;
}

/**
 * Builds the people services over one database, as the server and the CLI both do.
 *
 * @example
 * const people = createPeopleServices({ store, db: store.db, audit, onWorkspaceChanged: (id) => access.invalidate(id) });
 * await people.memberships.add(workspace.id, user.id, "member", CLI_ACTOR);
 */
export function createPeopleServices(deps: { store: Store; db: Kysely<Database> } & PeopleServiceOptions): PeopleServices {
  const { store, db, ...options } = deps;
  return {
    users: new UserService(db, options.now),
    memberships: new MembershipService(db, options),
    invitations: new InvitationService(db, options),
    workspaces: new WorkspaceService(store, { ...options, db }),
  };
}
