import { ApiError } from "../errors/index.js";

export const KEY_NAME_MAX_LENGTH = 100;

/** Trims a key name and rejects empty, over-long or control-character names. */
export function validateKeyName(raw: string, field = "name"): string {
  const name = raw.trim();
  let problem: string | null = null;
  if (name.length === 0) problem = "must not be empty";
  else if (name.length > KEY_NAME_MAX_LENGTH) problem = `must be at most ${KEY_NAME_MAX_LENGTH} characters`;
  // eslint-disable-next-line no-control-regex
  else if (/[\u0000-\u001f\u007f]/.test(name)) problem = "must not contain control characters";
  // A key pasted as a name would be shown in every list and refused by the audit log.
  else if (/sk_(?:live|test)_[0-9A-Za-z]{8}/.test(name)) problem = "must not contain an API key";
  if (problem) throw new ApiError("validation_error", { message: `${field} ${problem}`, details: [{ field, message: problem }] });
  return name;
}
