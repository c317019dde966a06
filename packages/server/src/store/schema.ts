import type { Generated } from "kysely";

/** Table types as Kysely sees them. Timestamps are Unix milliseconds; lists are JSON text. */
export interface Database {
  workspaces: WorkspacesTable;
  users: UsersTable;
  memberships: MembershipsTable;
  api_keys: ApiKeysTable;
  change_events: ChangeEventsTable;
  usage_hourly: UsageHourlyTable;
  usage_daily: UsageDailyTable;
  key_rate_limits: KeyRateLimitsTable;
  workspace_credits: WorkspaceCreditsTable;
  invitations: InvitationsTable;
  audit_entries: AuditEntriesTable;
  console_sessions: ConsoleSessionsTable;
  console_setup_tokens: ConsoleSetupTokensTable;
  console_sign_in_failures: ConsoleSignInFailuresTable;
  prompts: PromptsTable;
  prompt_versions: PromptVersionsTable;
  prompt_files: PromptFilesTable;
  prompt_context_items: PromptContextItemsTable;
  server_secrets: ServerSecretsTable;
  monitor_tasks: MonitorTasksTable;
}

export interface WorkspacesTable {
  id: string;
  slug: string;
  name: string;
  visibility: string;
  subscription_status: string;
  plan: string;
  created_at: number;
}

export interface UsersTable {
  id: string;
  email: string;
  display_name: string;
  password_hash: string | null;
  created_at: number;
}

export interface MembershipsTable {
  workspace_id: string;
  user_id: string;
  role: string;
  created_at: number;
}

export interface ApiKeysTable {
  id: string;
  workspace_id: string;
  name: string;
  environment: string;
  scopes: string;
  key_hash: string;
  hint: string;
  created_at: number;
  created_by: string | null;
  last_used_at: number | null;
  /** The client IP of the latest use (0004). */
  last_used_ip: Generated<string | null>;
  expires_at: number | null;
  revoked_at: number | null;
  replaces_key_id: string | null;
  replaced_by_key_id: string | null;
}

export interface ChangeEventsTable {
  id: Generated<number>;
  kind: string;
  subject: string;
  created_at: number;
}

export interface UsageHourlyTable {
  key_id: string;
  workspace_id: string;
  hour_start: number;
  outcome: string;
  count: number;
  /** Credits charged to these requests (0004). */
  credits: Generated<number>;
}

/** Hourly usage rolled up by UTC day once it is older than the hourly retention (0004). */
export interface UsageDailyTable {
  key_id: string;
  workspace_id: string;
  day_start: number;
  outcome: string;
  count: number;
  credits: number;
}

/** A key's own rate-limit windows, replacing its plan's (0004). `windows` is JSON text. */
export interface KeyRateLimitsTable {
  key_id: string;
  workspace_id: string;
  windows: string;
  updated_at: number;
}

/** A workspace's credit balance in its current billing cycle (0004). */
export interface WorkspaceCreditsTable {
  workspace_id: string;
  balance: number;
  cycle_started_at: number;
  cycle_resets_at: number;
  updated_at: number;
}

/** An invitation into a workspace; the token is stored only as its SHA-256 (0002). */
export interface InvitationsTable {
  id: string;
  workspace_id: string;
  email: string;
  role: string;
  token_hash: string;
  invited_by: string | null;
  created_at: number;
  expires_at: number;
  accepted_at: number | null;
  accepted_by: string | null;
  revoked_at: number | null;
}

/** The append-only audit log (0002); metadata is JSON text and never holds a secret. */
export interface AuditEntriesTable {
  id: string;
  workspace_id: string | null;
  actor_type: string;
  actor_id: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  ip: string | null;
  metadata: string;
  created_at: number;
}

/** A prompt of a workspace (0003). `latest_version` is 0 until the first publish. */
export interface PromptsTable {
  id: string;
  workspace_id: string;
  slug: string;
  created_at: number;
  latest_version: number;
  draft_revision: number;
  published_revision: number;
}

/** One version of a prompt (0003): 0 is the editable draft, 1… are published and immutable. Tags are JSON text. */
export interface PromptVersionsTable {
  prompt_id: string;
  version: number;
  title: string;
  content: string;
  system_prompt: string | null;
  critique_prompt: string | null;
  description: string | null;
  category: string | null;
  tags: string;
  created_at: number;
  updated_at: number;
  published_at: number | null;
}

/** A file's bytes, once per workspace and content hash (0003). */
export interface PromptFilesTable {
  workspace_id: string;
  sha256: string;
  size: number;
  bytes: Buffer;
  created_at: number;
}

/** A url or file attached to one version of a prompt (0003). */
export interface PromptContextItemsTable {
  id: string;
  workspace_id: string;
  prompt_id: string;
  version: number;
  position: number;
  type: string;
  label: string;
  url: string | null;
  file_name: string | null;
  file_size: number | null;
  mime_type: string | null;
  file_sha256: string | null;
  created_at: number;
}

/** Secrets the server generates once and keeps, such as the download-link signing key (0003). */
export interface ServerSecretsTable {
  name: string;
  value: string;
  created_at: number;
}

/** A dashboard sign-in session; the cookie's token is stored only as its SHA-256 (0005). */
export interface ConsoleSessionsTable {
  id: string;
  user_id: string;
  token_hash: string;
  workspace_id: string | null;
  created_at: number;
  last_seen_at: number;
  expires_at: number;
  ip: string | null;
  user_agent: string | null;
}

/** The first-run setup link's token, as its SHA-256; single use (0005). */
export interface ConsoleSetupTokensTable {
  token_hash: string;
  created_at: number;
  expires_at: number;
  used_at: number | null;
}

/** Failed sign-ins per account or IP in the current window (0005). */
export interface ConsoleSignInFailuresTable {
  subject: string;
  failures: number;
  window_started_at: number;
}

export interface MonitorTasksTable {
  id: string;
  workspace_id: string;
  key_id: string;
  environment: string;
  task_type: string;
  payload: string;
  priority: number;
  idempotency_key: string | null;
  webhook_url: string | null;
  status: string;
  attempts: number;
  lease_expires_at: number | null;
  result: string | null;
  error: string | null;
  created_at: number;
  completed_at: number | null;
}
