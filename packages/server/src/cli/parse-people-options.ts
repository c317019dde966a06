import type { SubscriptionStatus } from "../store/index.js";
import { isRole, isSubscriptionStatus, ROLES, SUBSCRIPTION_STATUSES, type Role } from "../workspaces/index.js";
import { UsageError } from "./cli-errors.js";

export function parseRole(raw: string): Role {
  if (!isRole(raw)) throw new UsageError(`unknown role "${raw}"; roles: ${ROLES.join(", ")}`);
  return raw;
}

export function parseSubscriptionStatus(raw: string): SubscriptionStatus {
  if (!isSubscriptionStatus(raw)) throw new UsageError(`unknown subscription status "${raw}"; use ${SUBSCRIPTION_STATUSES.join(", ")}`);
  return raw;
}

/**
 * Reads one line from stdin (a piped password), without the line break. Reading stops at
 * the first newline, so `printf 'pw\n' | keyward …` and a here-string both work.
 */
export async function readLineFromStdin(stdin: NodeJS.ReadableStream = process.stdin): Promise<string> {
  let text = "";
  for await (const chunk of stdin) {
    text += typeof chunk === "string" ? chunk : (chunk as Buffer).toString("utf8");
    if (text.includes("\n")) break;
  }
  const line = text.split("\n", 1)[0] ?? "";
  return line.endsWith("\r") ? line.slice(0, -1) : line;
}
