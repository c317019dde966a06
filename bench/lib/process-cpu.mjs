import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";

/**
 * User + system CPU ticks of a process from the text of `/proc/<pid>/stat`. The command
 * name (field 2) is in parentheses and may hold spaces, so fields are counted after the
 * last `)`: utime and stime are fields 14 and 15 of the line.
 *
 * @example parseProcStatTicks("42 (node) S 1 … 250 31 …") // 281
 */
export function parseProcStatTicks(text) {
  const fields = text.slice(text.lastIndexOf(")") + 2).split(" ");
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  if (!Number.isInteger(utime) || !Number.isInteger(stime)) throw new Error("unreadable /proc/<pid>/stat line");
  return utime + stime;
}

let ticksPerSecond;

function clockTicksPerSecond() {
  if (ticksPerSecond === undefined) {
    try {
      ticksPerSecond = Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
    } catch {
      ticksPerSecond = 100;
    }
  }
  return ticksPerSecond;
}

/**
 * CPU time a process has used so far, in milliseconds, or `null` where `/proc` is not
 * available. Divided by the requests served, it is the server's cost per request, which a
 * busy shared machine disturbs far less than it disturbs requests per second.
 */
export function processCpuMs(pid) {
  try {
    return (parseProcStatTicks(readFileSync(`/proc/${pid}/stat`, "utf8")) * 1000) / clockTicksPerSecond();
  } catch {
    return null;
  }
}
