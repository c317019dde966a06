import type { HttpClient, RequestOptions } from "../http.js";
import { paginate } from "../paginate.js";

/** A link the prompt refers to. */
export interface UrlContextItem {
  id: string;
  type: "url";
  label: string;
  url: string;
}

/** A file attached to the prompt; download it through its authorized, expiring URL. */
export interface FileContextItem {
  id: string;
  type: "file";
  label: string;
  fileName: string;
  fileSize: number;
  mimeType: string;
}

export type ContextItem = UrlContextItem | FileContextItem;

export type VariableType = "string" | "number" | "boolean" | "array" | "object";

/** A placeholder the content declares: `{{name}}`, `{{name:type}}` or `{{name:type // description}}`. */
export interface PromptVariable {
  name: string;
  type: VariableType;
  description: string | null;
}

/** A prompt at one version, with its content rendered when variables were given. */
export interface Prompt {
  id: string;
  title: string;
  slug: string;
  content: string;
  systemPrompt: string | null;
  critiquePrompt: string | null;
  description: string | null;
  category: string | null;
  tags: string[];
  /** `v0` is the draft; `v1`, `v2`, … are published and immutable. */
  version: string;
  workspaceSlug: string;
  /** `@<workspace>/<slug>:<version>` */
  packageName: string;
  metadata: { createdAt: string; publishedAt: string | null };
  /** The variables the stored template declares, in order of first appearance. */
  variables: PromptVariable[];
  contextItems: ContextItem[];
}

export type VariableValues = Record<string, string | number | boolean | unknown[] | Record<string, unknown>>;

export interface GetPromptParams {
  /** Values for the `{{name}}` placeholders; the API checks their types and names any missing. */
  variables?: VariableValues;
}

export interface ListPromptsParams {
  /** Page size, 1–100. The iterator still walks every page. */
  limit?: number;
  /** Start after this cursor (from an earlier page). */
  cursor?: string;
}

/** One page of prompts, for callers that page by hand. */
export interface PromptPage {
  prompts: Prompt[];
  cursor: string | null;
  hasMore: boolean;
}

/** The prompt registry: `client.prompts`. */
export class Prompts {
  readonly #http: HttpClient;

  constructor(http: HttpClient) {
    this.#http = http;
  }

  /**
   * Fetches a prompt by package name, rendering its variables.
   * Throws `NotFoundError` for an unknown package and `ValidationError` naming each bad variable.
   *
   * @example
   * const prompt = await client.prompts.get("@acme/welcome:v1", { variables: { name: "Ada" } });
   * console.log(prompt.content);
   */
  get(packageName: string, params: GetPromptParams = {}, options?: RequestOptions): Promise<Prompt> {
    const body: Record<string, unknown> = { package_name: packageName };
    if (params.variables !== undefined) body.variables = params.variables;
    // A read sent as POST (variables travel in the body): safe to retry.
    return this.#http.request<Prompt>({ method: "POST", path: "/v1/prompts/get", body, idempotent: true, options });
  }

  /**
   * Every prompt the key can list, newest first, fetching pages as the loop needs them.
   *
   * @example for await (const prompt of client.prompts.list()) console.log(prompt.packageName);
   */
  list(params: ListPromptsParams = {}, options?: RequestOptions): AsyncIterable<Prompt> {
    return paginate((cursor) => this.listPage({ limit: params.limit, cursor }, options), (page) => page.prompts, params.cursor);
  }

  /**
   * One page of prompts, for paging by hand (a table with a "next" button).
   *
   * @example const { prompts, cursor, hasMore } = await client.prompts.listPage({ limit: 20 });
   */
  listPage(params: ListPromptsParams = {}, options?: RequestOptions): Promise<PromptPage> {
    return this.#http.request<PromptPage>({ method: "GET", path: "/v1/prompts", query: { limit: params.limit, cursor: params.cursor }, options });
  }
}
