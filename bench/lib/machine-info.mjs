import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import os from "node:os";

function cpuModel() {
  try {
    const line = readFileSync("/proc/cpuinfo", "utf8")
      .split("\n")
      .find((candidate) => candidate.startsWith("model name"));
    if (line) return line.slice(line.indexOf(":") + 1).trim();
  } catch {
    // Not Linux: fall through to what Node reports.
  }
  return os.cpus()[0]?.model ?? "unknown";
}

/** The `uptime` line (load averages), or Node's load averages where the command is missing. */
export function describeLoad() {
  try {
    return execFileSync("uptime", { encoding: "utf8" }).trim();
  } catch {
    return `load average: ${os.loadavg().map((value) => value.toFixed(2)).join(", ")}`;
  }
}

/** What a reader needs to weigh a recorded figure: cores, CPU, memory, Node, kernel, load. */
export function describeMachine() {
  return {
    cores: os.availableParallelism(),
    cpuModel: cpuModel(),
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    loadAverage: os.loadavg().map((value) => Math.round(value * 100) / 100),
    uptime: describeLoad(),
  };
}

/**
 * A run is provisional when the machine was already busy: a 1-minute load above a
 * quarter of the cores means other work competed with the server and the load generator.
 */
export function isBusy(machine) {
  return machine.loadAverage[0] > machine.cores / 4;
}

export function machineMarkdown(machine) {
  return [
    `- Machine: ${machine.cores} cores (\`nproc\`), ${machine.cpuModel}, ${machine.memoryGiB} GiB RAM, ${machine.platform}`,
    `- Node ${machine.node}`,
    `- Load at start: \`${machine.uptime}\``,
  ].join("\n");
}
