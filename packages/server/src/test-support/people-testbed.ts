import { AuditLog, SYSTEM_ACTOR } from "../audit/index.js";
import type { WorkspaceRecord } from "../store/index.js";
import { createPeopleServices, type PeopleServices, type Role, type UserRecord } from "../workspaces/index.js";
import { openTestStore, type TestStore } from "./test-store.js";

export interface PeopleTestbed extends TestStore, PeopleServices {
  audit: AuditLog;
  /** The workspace ids whose access was invalidated locally, in order. */
  changed: string[];
  /** A settable clock every service reads. */
  clock: { now: number };
  /** A user without a password (fast), with a unique email unless one is given. */
  createUser(email?: string): Promise<UserRecord>;
  /** A new user who is a member of the workspace with the role. */
  createMember(workspace: WorkspaceRecord, role: Role, email?: string): Promise<UserRecord>;
}

/**
 * The people services over a fresh test store (SQLite, or PostgreSQL with
 * `KEYWARD_TEST_DATABASE_URL`), with an audit log and a controllable clock.
 *
 * @example
 * const bed = await openPeopleTestbed();
 * const ada = await bed.createMember(bed.workspace, "owner");
 */
export async function openPeopleTestbed(): Promise<PeopleTestbed> {
  const testStore = await openTestStore();
  const clock = { now: Date.now() };
  const now = () => clock.now;
  const audit = new AuditLog(testStore.store.db, now);
  const changed: string[] = [];
  const people = createPeopleServices({
    store: testStore.store,
    db: testStore.store.db,
    audit,
    now,
    onWorkspaceChanged: (workspaceId) => changed.push(workspaceId),
  });
  let counter = 0;
  const createUser = (email?: string) => people.users.create({ email: email ?? `person-${++counter}@example.com` });
  return {
    ...testStore,
    ...people,
    audit,
    changed,
    clock,
    createUser,
    async createMember(workspace, role, email) {
      const user = await createUser(email);
      await people.memberships.add(workspace.id, user.id, role, SYSTEM_ACTOR);
      return user;
    },
  };
}
