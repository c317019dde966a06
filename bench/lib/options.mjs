import { parseArgs } from "node:util";

export class UsageError extends Error {
  name = "UsageError";
}

/**
 * Reads `--name value` flags, falling back to an environment variable and then a default,
 * so a quick run is `npm run bench -- --duration 2 --rounds 1` or `BENCH_DURATION=2 npm run bench`.
 * Each spec entry: `{ type: "integer" | "string" | "boolean", env?, default, min?, choices? }`.
 * Arguments that are not flags come back in `positionals`.
 *
 * @example readOptions({ rounds: { type: "integer", env: "BENCH_ROUNDS", default: 3, min: 1 } }, [], {}) // { rounds: 3, positionals: [] }
 */
export function readOptions(spec, argv, env) {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: Object.fromEntries(
        Object.entries(spec).map(([name, entry]) => [name, { type: entry.type === "boolean" ? "boolean" : "string" }]),
      ),
      strict: true,
      allowPositionals: true,
    });
  } catch (error) {
    if (String(error?.code).startsWith("ERR_PARSE_ARGS")) throw new UsageError(error.message.split(". ")[0]);
    throw error;
  }
  const { values, positionals } = parsed;
  const options = { positionals };
  for (const [name, entry] of Object.entries(spec)) {
    const raw = values[name] ?? (entry.env ? env[entry.env] : undefined);
    if (raw === undefined || raw === "") {
      options[name] = entry.default;
    } else if (entry.type === "boolean") {
      options[name] = raw === true || ["1", "true", "yes", "on"].includes(String(raw).toLowerCase());
    } else if (entry.type === "integer") {
      const value = Number(raw);
      if (!Number.isInteger(value) || value < (entry.min ?? 0)) {
        throw new UsageError(`--${name} must be an integer of at least ${entry.min ?? 0}, got "${raw}"`);
      }
      options[name] = value;
    } else {
      if (entry.choices && !entry.choices.includes(raw)) {
        throw new UsageError(`--${name} must be one of ${entry.choices.join(", ")}, got "${raw}"`);
      }
      options[name] = raw;
    }
  }
  return options;
}

/** One line per option, for `--help`. */
export function describeOptions(spec) {
  return Object.entries(spec)
    .map(([name, entry]) => {
      const value = entry.type === "boolean" ? "" : ` <${entry.type === "integer" ? "n" : "value"}>`;
      const env = entry.env ? ` (env ${entry.env})` : "";
      const fallback = entry.default === undefined || entry.default === false || entry.default === "" ? "" : ` [${entry.default}]`;
      return `  --${name}${value}${env}${fallback}  ${entry.help ?? ""}`;
    })
    .join("\n");
}

/**
 * Runs a script's `main` and exits with the code it returns; a UsageError exits 2 and any
 * other error 1, each with a one-line message.
 *
 * @example runScript(async () => { …; return 0; });
 */
export function runScript(main) {
  Promise.resolve()
    .then(main)
    .then(
      (code) => process.exit(code),
      (error) => {
        process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n`);
        process.exit(error instanceof UsageError ? 2 : 1);
      },
    );
}
