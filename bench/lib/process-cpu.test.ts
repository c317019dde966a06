import { describe, expect, it } from "vitest";
import { parseProcStatTicks } from "./process-cpu.mjs";

// A real line's shape: pid (comm) state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime …
const STAT = "4242 (node) S 1 4242 4242 0 -1 4194304 9000 0 12 0 250 31 0 0 20 0 11 0 1234 5678 90 18446744073709551615";

describe("parseProcStatTicks", () => {
  it("adds user and system ticks", () => {
    expect(parseProcStatTicks(STAT)).toBe(281);
  });

  it("is not misled by spaces and parentheses in the command name", () => {
    expect(parseProcStatTicks(STAT.replace("(node)", "(node (bench) x)"))).toBe(281);
  });

  it("refuses a line it cannot read", () => {
    expect(() => parseProcStatTicks("4242 (node) S")).toThrow(/unreadable/);
  });
});
