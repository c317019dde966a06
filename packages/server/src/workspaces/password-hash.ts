import { randomBytes } from "node:crypto";
import { hash, verify, type Algorithm, type Options } from "@node-rs/argon2";
import { ApiError } from "../errors/index.js";

// argon2id with OWASP's baseline (19 MiB, 2 passes, 1 lane): about 60 ms on one core,
// computed on libuv's thread pool so the event loop keeps serving keys meanwhile.
const ARGON2_OPTIONS: Options = {
  algorithm: 2 as Algorithm, // Argon2id
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
};

export const MIN_PASSWORD_LENGTH = 8;
// Long enough for any passphrase, short enough that nobody makes us hash a megabyte.
export const MAX_PASSWORD_LENGTH = 256;

/** Throws `validation_error` unless the password is 8–256 characters. */
export function validatePassword(password: string, field = "password"): string {
  if (password.length < MIN_PASSWORD_LENGTH || password.length > MAX_PASSWORD_LENGTH) {
    throw new ApiError("validation_error", {
      message: `${field} must be ${MIN_PASSWORD_LENGTH}-${MAX_PASSWORD_LENGTH} characters`,
      details: [{ field, message: `must be ${MIN_PASSWORD_LENGTH}-${MAX_PASSWORD_LENGTH} characters` }],
    });
  }
  return password;
}

/** An argon2id PHC string (`$argon2id$v=19$m=19456,t=2,p=1$…`) with a fresh salt. */
export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

/** True when the password matches; false for a wrong password or a damaged hash. */
export async function verifyPasswordHash(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;

/**
 * Spends what checking a real password costs, for a user who does not exist or has no
 * password: otherwise the answer time would tell an attacker which emails have accounts.
 */
export async function spendPasswordCheck(password: string): Promise<void> {
  dummyHash ??= hashPassword(randomBytes(24).toString("base64"));
  await verifyPasswordHash(await dummyHash, password);
}
