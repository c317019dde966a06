import { isApiError } from "../errors/index.js";
import { redactKeys } from "../keys/redact.js";

/** Bad arguments: the command line itself is wrong (exit code 2). */
export class UsageError extends Error {
  override name = "UsageError";
}

export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

/** The exit code and one-line message for an error thrown by a command. */
export function describeCliError(error: unknown): { exitCode: number; message: string } {
  const described = describeUnredacted(error);
  // A key typed where an id was expected must not be printed back to a terminal or CI log.
  return { exitCode: described.exitCode, message: redactKeys(described.message) };
}

function describeUnredacted(error: unknown): { exitCode: number; message: string } {
  if (error instanceof UsageError) return { exitCode: EXIT_USAGE, message: error.message };
  if (isApiError(error)) {
    return { exitCode: error.code === "validation_error" ? EXIT_USAGE : EXIT_FAILURE, message: error.message };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { exitCode: EXIT_FAILURE, message: message.split("\n")[0] ?? message };
}
