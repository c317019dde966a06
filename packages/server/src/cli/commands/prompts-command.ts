import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Command } from "commander";
import { isApiError } from "../../errors/index.js";
import { coerceCliVariables, createPromptRegistry, parsePromptFile, type PromptRegistry, type PromptView } from "../../prompts/index.js";
import type { WorkspaceRecord } from "../../store/index.js";
import { UsageError } from "../cli-errors.js";
import { withCliContext } from "../cli-context.js";
import { printJson, printLine, printTable } from "../output.js";

interface PushOptions {
  workspace: string;
  slug?: string;
  title?: string;
  publish?: boolean;
  json?: boolean;
}

type DraftOutcome = "created" | "updated" | "unchanged";

async function withRegistry<T>(run: (registry: PromptRegistry, workspaceOf: (slug: string) => Promise<WorkspaceRecord>) => Promise<T>): Promise<T> {
  return withCliContext((ctx) => run(createPromptRegistry(ctx.db, ctx.store), (slug) => ctx.workspaces.getBySlug(slug)));
}

async function readPromptFile(file: string): Promise<string> {
  try {
    return await readFile(file, "utf8");
  } catch (error) {
    throw new UsageError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? "unreadable"}`);
  }
}

/**
 * Makes the draft say what the file says (fields the file leaves out are cleared: the file is
 * the source of truth), creating the prompt the first time.
 */
async function pushDraft(registry: PromptRegistry, workspace: WorkspaceRecord, slug: string, text: string, source: string, title?: string) {
  const file = parsePromptFile(text, source);
  const fields = {
    content: file.content,
    systemPrompt: file.fields.systemPrompt ?? null,
    critiquePrompt: file.fields.critiquePrompt ?? null,
    description: file.fields.description ?? null,
    category: file.fields.category ?? null,
    tags: file.fields.tags ?? [],
  };
  const chosenTitle = title ?? file.fields.title;
  const exists = await registry.prompts.getDraft(workspace.id, slug).then(
    () => true,
    (error: unknown) => {
      if (isApiError(error) && error.code === "not_found") return false;
      throw error;
    },
  );
  if (!exists) {
    try {
      const prompt = await registry.prompts.create(workspace.id, { slug, title: chosenTitle ?? slug, ...fields });
      return { prompt, outcome: "created" as DraftOutcome };
    } catch (error) {
      // Another push created it a moment ago: edit it like any existing prompt.
      if (!(isApiError(error) && error.code === "conflict")) throw error;
    }
  }
  const update = await registry.prompts.updateDraft(workspace.id, slug, { ...fields, ...(chosenTitle === undefined ? {} : { title: chosenTitle }) });
  return { prompt: update.prompt, outcome: (update.changed ? "updated" : "unchanged") as DraftOutcome };
}

function slugFromFile(file: string): string {
  return path.basename(file).replace(/\.[^.]*$/, "");
}

export function registerPromptCommands(program: Command): void {
  const prompts = program.command("prompts").description("push, get and list prompts of the registry");

  prompts
    .command("push")
    .description("create or update a prompt's draft from a file (optional YAML front matter: title, description, category, tags, systemPrompt, critiquePrompt)")
    .argument("<file>", "a Markdown or text file, e.g. prompts/welcome.md")
    .requiredOption("--workspace <slug>", "workspace of the prompt")
    .option("--slug <slug>", "the prompt's slug (default: the file name without extension)")
    .option("--title <title>", "title (default: the front matter's, else the current one, else the slug)")
    .option("--publish", "publish the draft as the next version when it changed")
    .option("--json", "print JSON")
    .action(async (file: string, options: PushOptions) => {
      const text = await readPromptFile(file);
      const slug = options.slug ?? slugFromFile(file);
      const result = await withRegistry(async (registry, workspaceOf) => {
        const workspace = await workspaceOf(options.workspace);
        const draft = await pushDraft(registry, workspace, slug, text, path.basename(file), options.title);
        if (!options.publish) return { ...draft, published: null as PromptView | null };
        try {
          return { ...draft, published: await registry.prompts.publish(workspace.id, slug) };
        } catch (error) {
          // Pushing an unchanged file again is not a failure: a CI job may push on every commit.
          if (isApiError(error) && error.code === "conflict") return { ...draft, published: null, unchanged: error.message };
          throw error;
        }
      });
      const shown = result.published ?? result.prompt;
      if (options.json) return printJson({ draft: result.outcome, published: result.published?.version ?? null, prompt: shown });
      const verb = { created: "Created draft", updated: "Updated draft", unchanged: "Draft unchanged:" }[result.outcome];
      printLine(`${verb} ${result.prompt.packageName}`);
      if (result.published) printLine(`Published ${result.published.packageName}`);
      else if ("unchanged" in result) printLine(result.unchanged);
    });

  prompts
    .command("get")
    .description("print a prompt's content (rendered with --var), or the whole prompt with --json")
    .argument("<package>", "package name, e.g. @acme/welcome:v1 (no version: the latest published)")
    .option("--var <name=value>", "a variable value; repeat for each (numbers, booleans and JSON by declared type)", (value: string, previous: string[]) => [...previous, value], [] as string[])
    .option("--json", "print JSON")
    .action(async (packageName: string, options: { var: string[]; json?: boolean }) => {
      const prompt = await withRegistry(async (registry) => {
        const template = await registry.prompts.getAsOperator(packageName);
        if (options.var.length === 0) return template;
        return registry.prompts.getAsOperator(packageName, coerceCliVariables(options.var, template.variables));
      });
      if (options.json) printJson(prompt);
      else printLine(prompt.content);
    });

  prompts
    .command("list")
    .description("list a workspace's prompts, newest first, each at its latest published version (or its draft)")
    .requiredOption("--workspace <slug>", "workspace")
    .option("--json", "print JSON")
    .action(async (options: { workspace: string; json?: boolean }) => {
      const all = await withRegistry(async (registry, workspaceOf) => {
        const workspace = await workspaceOf(options.workspace);
        const found: PromptView[] = [];
        let cursor: string | undefined;
        do {
          const page = await registry.prompts.list(workspace.id, { limit: 100, cursor });
          found.push(...page.prompts);
          cursor = page.cursor ?? undefined;
        } while (cursor);
        return found;
      });
      if (options.json) return printJson({ prompts: all });
      if (all.length === 0) return printLine(`No prompts in ${options.workspace} yet. Push one: keyward prompts push welcome.md --workspace ${options.workspace}`);
      printTable(
        ["PACKAGE", "TITLE", "VARIABLES", "CREATED"],
        all.map((p) => [p.packageName, p.title, p.variables.map((v) => `${v.name}:${v.type}`).join(",") || "-", p.metadata.createdAt]),
      );
    });
}
