import { ApiError, type FieldProblem } from "../errors/index.js";

/**
 * Runs a synchronous check and returns the field problems of the ApiError it threw, or [] when
 * it threw nothing. Any other error is rethrown.
 *
 * @example expect(apiErrorDetails(() => normalizePromptFields(input)).map((p) => p.field)).toEqual(["title"]);
 */
export function apiErrorDetails(run: () => unknown): FieldProblem[] {
  try {
    run();
  } catch (error) {
    if (error instanceof ApiError) return error.details ?? [];
    throw error;
  }
  return [];
}
