import { Option, type Command } from "commander";
import { DEFAULT_SCOPES, normalizeScopes } from "../../auth/index.js";
import type { KeyEnvironment } from "../../keys/index.js";
import { presentKey, type IssuedKey, type PresentedKey } from "../../management/index.js";
import type { KeyRecord } from "../../store/index.js";
import { withCliContext } from "../cli-context.js";
import { printJson, printLine, printTable } from "../output.js";
import { parseDurationOption, parseScopeList } from "../parse-options.js";
import { registerKeyLimitCommand } from "./key-limits-command.js";

interface JsonOption {
  json?: boolean;
}

function issuedJson(issued: IssuedKey) {
  const shown = presentKey(issued.record);
  return {
    id: shown.id,
    key: issued.secret,
    name: shown.name,
    environment: shown.environment,
    scopes: shown.scopes,
    hint: shown.hint,
    workspaceId: shown.workspaceId,
    createdAt: shown.createdAt,
    expiresAt: shown.expiresAt,
  };
}

function printSecretOnce(issued: IssuedKey, heading: string): void {
  printLine(heading);
  printLine();
  printLine(`  ${issued.secret}`);
  printLine();
  printLine("Copy it now: this key cannot be shown again. Keyward stores only its hash.");
}

function describeKey(key: PresentedKey): string {
  return `${key.id} "${key.name}" ${key.hint} ${key.status}`;
}

async function listAllKeys(workspaceSlug: string): Promise<KeyRecord[]> {
  return withCliContext(async (ctx) => {
    const workspace = await ctx.workspaces.getBySlug(workspaceSlug);
    const all: KeyRecord[] = [];
    let cursor: string | undefined;
    do {
      const page = await ctx.keys.list(workspace.id, { limit: 100, cursor });
      all.push(...page.keys);
      cursor = page.cursor ?? undefined;
    } while (cursor);
    return all;
  });
}

export function registerKeyCommands(program: Command): void {
  const keys = program.command("keys").description("create, list, revoke and rotate API keys");

  keys
    .command("create")
    .description("create a key (the secret is shown once)")
    .requiredOption("--workspace <slug>", "workspace the key belongs to")
    .requiredOption("--name <name>", 'descriptive name, e.g. "Production Server"')
    .addOption(new Option("--env <environment>", "live or test").choices(["live", "test"]).default("live"))
    .option("--scopes <list>", `comma-separated scopes (default ${DEFAULT_SCOPES.join(",")})`)
    .option("--expires-in <duration>", "lifetime such as 30d, 12h, 90m")
    .option("--json", "print JSON")
    .action(async (options: { workspace: string; name: string; env: KeyEnvironment; scopes?: string; expiresIn?: string } & JsonOption) => {
      const scopes = normalizeScopes(options.scopes === undefined ? DEFAULT_SCOPES : parseScopeList(options.scopes));
      const lifetime = options.expiresIn === undefined ? null : parseDurationOption(options.expiresIn, "--expires-in");
      const issued = await withCliContext(async (ctx) => {
        const workspace = await ctx.workspaces.getBySlug(options.workspace);
        return ctx.keys.create({
          workspaceId: workspace.id,
          name: options.name,
          environment: options.env,
          scopes,
          expiresAt: lifetime === null ? null : Date.now() + lifetime * 1000,
          // On behalf of the owner, so the key follows the owner's role; with no owner
          // yet, null: the installation admin, with full rights.
          createdBy: await ctx.members.ownerOf(workspace.id),
        });
      });
      if (options.json) printJson(issuedJson(issued));
      else printSecretOnce(issued, `Created ${issued.record.environment} key "${issued.record.name}" (${issued.record.id}):`);
    });

  keys
    .command("list")
    .description("list a workspace's keys (never shows secrets)")
    .requiredOption("--workspace <slug>", "workspace")
    .option("--json", "print JSON")
    .action(async (options: { workspace: string } & JsonOption) => {
      const now = Date.now();
      const shown = (await listAllKeys(options.workspace)).map((key) => presentKey(key, now));
      if (options.json) return printJson({ keys: shown });
      if (shown.length === 0) return printLine(`No keys in ${options.workspace} yet. Create one: keyward keys create --workspace ${options.workspace} --name "Production Server"`);
      printTable(
        ["ID", "NAME", "HINT", "ENV", "STATUS", "SCOPES", "CREATED", "LAST USED", "EXPIRES"],
        shown.map((k) => [k.id, k.name, k.hint, k.environment, k.status, k.scopes.join(","), k.createdAt, k.lastUsedAt ?? "never", k.expiresAt ?? "never"]),
      );
    });

  keys
    .command("get")
    .description("show one key")
    .argument("<id>", "key id (key_…)")
    .option("--json", "print JSON")
    .action(async (id: string, options: JsonOption) => {
      const key = presentKey(await withCliContext((ctx) => ctx.keys.get(id)));
      if (options.json) printJson(key);
      else printLine(describeKey(key));
    });

  keys
    .command("revoke")
    .description("revoke a key at once")
    .argument("<id>", "key id (key_…)")
    .option("--json", "print JSON")
    .action(async (id: string, options: JsonOption) => {
      const key = presentKey(await withCliContext((ctx) => ctx.keys.revoke(id)));
      if (options.json) printJson(key);
      else printLine(`Revoked ${describeKey(key)}`);
    });

  keys
    .command("rotate")
    .description("issue a replacement key; the old one ends after the grace period")
    .argument("<id>", "key id (key_…)")
    .option("--grace <duration>", "how long the old key keeps working, e.g. 24h (default: ends now)")
    .option("--json", "print JSON")
    .action(async (id: string, options: { grace?: string } & JsonOption) => {
      const grace = options.grace === undefined ? 0 : parseDurationOption(options.grace, "--grace");
      const rotated = await withCliContext((ctx) => ctx.keys.rotate(id, grace));
      const oldKeyExpiresAt = new Date(rotated.old.expiresAt ?? Date.now()).toISOString();
      if (options.json) return printJson({ ...issuedJson(rotated.issued), replaces: rotated.old.id, oldKeyExpiresAt });
      printSecretOnce(rotated.issued, `Rotated ${rotated.old.id}; the new key (${rotated.issued.record.id}) is:`);
      printLine(grace === 0 ? "The old key no longer works." : `The old key keeps working until ${oldKeyExpiresAt}.`);
    });

  registerKeyLimitCommand(keys);
}
