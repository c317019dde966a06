#!/usr/bin/env node
// Summarises a .cpuprofile from `npm run bench -- --cpu-prof …` as Markdown: busy time,
// top self-time functions, self time per area, and inclusive time of Keyward's own frames.
//
//   node bench/summarize-cpuprofile.mjs bench/results/profiles/CPU.….cpuprofile [--top 25] [--requests N]
//
// With --requests (the harness prints the number served while profiling), every row also
// shows microseconds per request, so profiles of two routes can be compared line by line.
import { readFileSync } from "node:fs";
import { summarizeCpuProfile } from "./lib/cpu-profile.mjs";
import { readOptions, runScript, UsageError } from "./lib/options.mjs";

const OPTIONS = {
  top: { type: "integer", default: 25, min: 1 },
  requests: { type: "integer", default: 0, min: 0 },
};

function main() {
  const { top, requests, positionals } = readOptions(OPTIONS, process.argv.slice(2), process.env);
  const [file] = positionals;
  if (positionals.length !== 1) throw new UsageError("usage: node bench/summarize-cpuprofile.mjs <file.cpuprofile> [--top N] [--requests N]");
  const summary = summarizeCpuProfile(JSON.parse(readFileSync(file, "utf8")), { top });
  const ownFrames = summary.inclusive.filter(({ name }) => name.includes("packages/server/dist/")).slice(0, top);
  const perRequest = requests > 0 ? (ms) => ` ${((ms * 1000) / requests).toFixed(2)} |` : () => "";
  const rows = (list) =>
    list.map(({ name, ms, share }) => `| ${(share * 100).toFixed(1)} % | ${ms.toFixed(0)} |${perRequest(ms)} \`${name}\` |`).join("\n");
  const header = requests > 0 ? "| share of busy | ms | µs/req | function |\n|---:|---:|---:|---|" : "| share of busy | ms | function |\n|---:|---:|---|";
  process.stdout.write(
    [
      `Profile ${file}: ${summary.totalMs.toFixed(0)} ms sampled, ${summary.busyMs.toFixed(0)} ms busy, ${summary.idleMs.toFixed(0)} ms idle` +
        (requests > 0 ? `; ${requests} requests, ${((summary.busyMs * 1000) / requests).toFixed(1)} µs busy per request (start-up included).` : "."),
      "",
      `Top ${top} functions by self time:`,
      "",
      header,
      rows(summary.self),
      "",
      "Self time by area:",
      "",
      header.replace("function", "area"),
      rows(summary.areas),
      "",
      "Keyward frames by inclusive time (the frame and everything it called):",
      "",
      header,
      rows(ownFrames),
      "",
    ].join("\n"),
  );
  return 0;
}

runScript(main);
