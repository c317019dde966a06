import { isApiError } from "../errors/index.js";

/** Bad arguments: the command line itself is wrong (exit code 2). */
export class UsageError extends Error {
  override name = "UsageError";
}

export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

/** The exit code and one-line message for an error thrown by a command. */
export function describeCliError(error: unknown): { exitCode: number; message: string } {
  if (error instanceof UsageError) return { exitCode: EXIT_USAGE, message: error.message };
  if (isApiError(error)) {
    return { exitCode: error.code === "validation_error" ? EXIT_USAGE : EXIT_FAILURE, message: error.message };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { exitCode: EXIT_FAILURE, message: message.split("\n")[0] ?? message };
}
