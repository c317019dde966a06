import type { Kysely } from "kysely";
import type { AuditLog } from "../audit/index.js";
import type { KeyService } from "../management/index.js";
import type { PromptService } from "../prompts/prompt-service.js";
import type { Store } from "../store/index.js";
import type { UsageService } from "../usage/index.js";
import type { Database } from "../store/schema.js";
import type { InvitationService } from "../workspaces/invitation-service.js";
import type { MembershipService } from "../workspaces/membership-service.js";
import type { UserService } from "../workspaces/user-service.js";
import type { WorkspaceService } from "../workspaces/workspace-service.js";
import type { SessionService } from "./session-service.js";
import type { SetupTokens } from "./setup-tokens.js";
import type { SignInThrottle } from "./sign-in-throttle.js";
import type { WorkspaceAccessResolver } from "./workspace-access.js";

/** What the dashboard's routes work with: the services of every feature, and its own. */
export interface ConsoleServices {
  store: Store;
  db: Kysely<Database>;
  keys: KeyService;
  workspaces: WorkspaceService;
  users: UserService;
  members: MembershipService;
  invitations: InvitationService;
  audit: AuditLog;
  prompts: PromptService;
  /** Usage counters per key and day (the Usage page). */
  usage: Pick<UsageService, "seriesByKey">;
  sessions: SessionService;
  setupTokens: SetupTokens;
  throttle: SignInThrottle;
}

export interface ConsoleOptions {
  /** KEYWARD_PUBLIC_URL: the origin people reach the dashboard at (links, Secure cookies, origin checks). */
  publicUrl: string | undefined;
  /** The built dashboard; defaults to packages/dashboard/dist. */
  dashboardDir?: string | undefined;
}

/** Handed to every console route file. */
export interface ConsoleContext extends ConsoleServices, ConsoleOptions {
  access: WorkspaceAccessResolver;
}
