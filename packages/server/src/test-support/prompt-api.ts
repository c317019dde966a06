import type { InjectOptions, LightMyRequestResponse } from "fastify";
import { afterEach, beforeEach } from "vitest";
import type { WorkspaceRecord } from "../store/index.js";
import { bearer, startTestKeyward, type TestKeyward } from "./test-keyward.js";

type Payload = InjectOptions["payload"];

/** Every prompt scope, for a key that authors prompts. */
export const PROMPT_SCOPES = ["prompts:read", "prompts:list", "prompts:write"] as const;

/**
 * Calls `/v1/prompts` through `app.inject` as the holder of `secret`.
 *
 * @example const api = promptApi(kw, secret); await api.create({ slug: "welcome", title: "Welcome", content: "Hi {{name}}" });
 */
export function promptApi(kw: TestKeyward, secret: string) {
  const send = (method: InjectOptions["method"], url: string, payload?: Payload): Promise<LightMyRequestResponse> =>
    kw.keyward.app.inject({ method, url, headers: bearer(secret), ...(payload === undefined ? {} : { payload }) });
  return {
    send,
    list: (query = "") => send("GET", `/v1/prompts${query}`),
    get: (packageName: string, variables?: Record<string, unknown>) =>
      send("POST", "/v1/prompts/get", variables === undefined ? { package_name: packageName } : { package_name: packageName, variables }),
    getByPath: (path: string) => send("GET", `/v1/prompts/${path}`),
    create: (body: Payload) => send("POST", "/v1/prompts", body),
    editDraft: (slug: string, body: Payload) => send("PUT", `/v1/prompts/${slug}/draft`, body),
    publish: (slug: string) => send("POST", `/v1/prompts/${slug}/publish`),
    addContext: (slug: string, body: Payload) => send("POST", `/v1/prompts/${slug}/context`, body),
    removeContext: (slug: string, contextId: string) => send("DELETE", `/v1/prompts/${slug}/context/${contextId}`),
    downloadUrl: (contextId: string, query = "") => send("GET", `/v1/prompts/context/${contextId}/download-url${query}`),
  };
}

export type PromptApi = ReturnType<typeof promptApi>;

/** A test Keyward with one workspace and an author key holding every prompt scope. */
export interface PromptWorld {
  kw: TestKeyward;
  workspace: WorkspaceRecord;
  secret: string;
  api: PromptApi;
  /** Fetches a signed download URL's path and query through inject, without a key. */
  download(url: string): Promise<LightMyRequestResponse>;
}

export async function startPromptWorld(slug = "acme", env: Record<string, string> = {}): Promise<PromptWorld> {
  const kw = await startTestKeyward(env);
  const workspace = await kw.createWorkspace(slug);
  const { secret } = await kw.issueKey(workspace, { scopes: [...PROMPT_SCOPES] });
  return {
    kw,
    workspace,
    secret,
    api: promptApi(kw, secret),
    download(url: string) {
      const parsed = new URL(url);
      return kw.keyward.app.inject({ method: "GET", url: `${parsed.pathname}${parsed.search}` });
    },
  };
}

/**
 * A fresh PromptWorld for each test of the calling `describe` (closed after it), seeded by
 * `seed`. The returned object always reads the current test's world.
 *
 * @example const world = usePromptWorld((w) => w.api.create({ slug: "welcome", title: "Welcome", content: "Hi" }).then(() => {}));
 */
export function usePromptWorld(seed: (world: PromptWorld) => Promise<void> = async () => {}): PromptWorld {
  let current: PromptWorld | undefined;
  const world = (): PromptWorld => {
    if (!current) throw new Error("usePromptWorld: no test is running");
    return current;
  };
  beforeEach(async () => {
    current = await startPromptWorld("acme");
    await seed(current);
  });
  afterEach(async () => {
    await current?.kw.close();
    current = undefined;
  });
  return {
    get kw() {
      return world().kw;
    },
    get workspace() {
      return world().workspace;
    },
    get secret() {
      return world().secret;
    },
    get api() {
      return world().api;
    },
    download: (url) => world().download(url),
  };
}

/** A file context item body with `text` as its bytes. */
export function fileItem(text: string, overrides: Record<string, unknown> = {}) {
  return { type: "file", label: "Guide", fileName: "guide.txt", mimeType: "text/plain", contentBase64: Buffer.from(text).toString("base64"), ...overrides };
}
