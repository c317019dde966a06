export {
  WorkspaceService,
  validateWorkspaceSlug,
  presentWorkspace,
  isSubscriptionStatus,
  SUBSCRIPTION_STATUSES,
  type WorkspaceServiceOptions,
} from "./workspace-service.js";
export { UserService, type CreateUserInput } from "./user-service.js";
export { MembershipService, type PeopleServiceOptions } from "./membership-service.js";
export { InvitationService, INVITATION_TTL_MS, invitationStatus, type IssuedInvitation } from "./invitation-service.js";
export { createPeopleServices, type PeopleServices } from "./people-services.js";
export { ROLES, ROLE_SCOPES, isRole, intersectWithRole, managesMembers, type Role } from "./roles.js";
export { assertMayManage, decideMembershipChange, type MembershipChange, type MembershipFacts } from "./membership-rules.js";
export { normalizeEmail } from "./email.js";
export { MIN_PASSWORD_LENGTH, MAX_PASSWORD_LENGTH } from "./password-hash.js";
export { WorkspaceAccessCache, loadWorkspaceAccess, type WorkspaceAccess, type WorkspaceAccessCacheOptions } from "./workspace-access-cache.js";
export { workspaceAccessGuard, effectiveScopesOf } from "./workspace-access-guard.js";
export type { WorkspaceChangeListener } from "./workspace-changes.js";
export type {
  UserRecord,
  MembershipRecord,
  MemberView,
  UserWorkspace,
  InvitationRecord,
  InvitationStatus,
} from "./people-records.js";
export { presentUser, presentMember, presentUserWorkspace, presentInvitation } from "./present-people.js";
