import type { Generated } from "kysely";

/** Table types as Kysely sees them. Timestamps are Unix milliseconds; lists are JSON text. */
export interface Database {
  workspaces: WorkspacesTable;
  users: UsersTable;
  memberships: MembershipsTable;
  api_keys: ApiKeysTable;
  change_events: ChangeEventsTable;
  usage_hourly: UsageHourlyTable;
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
}
