import { describe, expect, it } from "vitest";
import { isStorageUnavailable } from "./storage-faults.js";

function withCode(code: string, message = "failed"): Error {
  return Object.assign(new Error(message), { code });
}

describe("isStorageUnavailable", () => {
  it.each([
    ["a refused connection", withCode("ECONNREFUSED")],
    ["a reset connection", withCode("ECONNRESET")],
    ["a dropped connection", new Error("Connection terminated unexpectedly")],
    ["a connect timeout", new Error("timeout exceeded when trying to connect")],
    ["a query timeout", new Error("Query read timeout")],
    ["a server shutting down", withCode("57P01")],
    ["a server starting up", withCode("57P03")],
    ["a connection exception class", withCode("08006")],
    ["too many connections", withCode("53300")],
    ["a busy SQLite file", withCode("SQLITE_BUSY")],
    ["a wrapped cause", new Error("query failed", { cause: withCode("ECONNREFUSED") })],
    ["an aggregate of refusals", new AggregateError([withCode("ECONNREFUSED"), withCode("ECONNREFUSED")], "")],
  ])("recognises %s as an outage", (_name, error) => {
    expect(isStorageUnavailable(error)).toBe(true);
  });

  it.each([
    ["a unique violation", withCode("23505")],
    ["a syntax error", withCode("42601")],
    ["a programming error", new TypeError("x is undefined")],
    ["a SQLite constraint", withCode("SQLITE_CONSTRAINT_UNIQUE")],
    ["nothing", undefined],
    ["a string", "ECONNREFUSED"],
  ])("does not take %s for an outage", (_name, error) => {
    expect(isStorageUnavailable(error)).toBe(false);
  });
});
