import { describe, expect, it } from "vitest";
import { ApiError } from "../errors/index.js";
import { describeCliError, EXIT_FAILURE, EXIT_USAGE, UsageError } from "./cli-errors.js";

describe("describeCliError", () => {
  it("gives bad arguments exit code 2", () => {
    expect(describeCliError(new UsageError("--grace takes a duration"))).toEqual({ exitCode: EXIT_USAGE, message: "--grace takes a duration" });
    expect(describeCliError(new ApiError("validation_error", { message: "name must not be empty" }))).toEqual({
      exitCode: 2,
      message: "name must not be empty",
    });
  });

  it("gives unknown things, conflicts and failures exit code 1", () => {
    expect(describeCliError(new ApiError("not_found", { message: "Key not found: key_x" }))).toEqual({ exitCode: EXIT_FAILURE, message: "Key not found: key_x" });
    expect(describeCliError(new ApiError("conflict")).exitCode).toBe(1);
    expect(describeCliError("a string").exitCode).toBe(1);
  });

  it("keeps only the first line of an unexpected error", () => {
    expect(describeCliError(new Error("SQLITE_BUSY: database is locked\n    at Database.prepare"))).toEqual({
      exitCode: 1,
      message: "SQLITE_BUSY: database is locked",
    });
  });
});

describe("describeCliError redaction", () => {
  it("never prints back a key typed where an id was expected", () => {
    const key = "sk_test_KWca3u3QdQSySsT7c3BqyMktFvtm2qyB1CC90meqyC";
    const { message } = describeCliError(new ApiError("not_found", { message: `Key not found: ${key}` }));
    expect(message).toBe("Key not found: sk_test_…");
  });
});
