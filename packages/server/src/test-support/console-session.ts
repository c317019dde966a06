import type { LightMyRequestResponse } from "fastify";
import type { Role } from "../workspaces/index.js";
import { SYSTEM_ACTOR } from "../audit/index.js";
import { afterEach, beforeEach } from "vitest";
import { startTestKeyward, type TestKeyward } from "./test-keyward.js";

export const TEST_PASSWORD = "correct horse battery staple";

/** A signed-in dashboard browser, as `app.inject` sees it: its cookie and CSRF token. */
export interface ConsoleClient {
  userId: string;
  email: string;
  cookie: string;
  csrfToken: string;
  /** The workspace the user landed in. */
  workspaceId: string;
  request(method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE", url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
}

function sessionCookieOf(response: LightMyRequestResponse): string {
  const cookie = response.cookies.find((c) => c.name === "keyward_session");
  if (!cookie) throw new Error(`no session cookie in the response (${response.statusCode}: ${response.body})`);
  return `keyward_session=${cookie.value}`;
}

function clientFrom(t: TestKeyward, response: LightMyRequestResponse): ConsoleClient {
  const state = response.json() as { user: { id: string; email: string }; csrfToken: string; currentWorkspaceId: string };
  const cookie = sessionCookieOf(response);
  return {
    userId: state.user.id,
    email: state.user.email,
    cookie,
    csrfToken: state.csrfToken,
    workspaceId: state.currentWorkspaceId,
    request(method, url, body, headers = {}) {
      const safe = method === "GET";
      return t.keyward.app.inject({
        method,
        url,
        headers: { cookie, ...(safe ? {} : { "x-csrf-token": state.csrfToken }), ...headers },
        ...(body === undefined ? {} : { payload: body as Record<string, unknown> }),
      });
    },
  };
}

/** Runs the first-run setup (owner + workspace) through the API and returns the owner's browser. */
export async function setUpOwner(t: TestKeyward, options: { email?: string; slug?: string } = {}): Promise<ConsoleClient> {
  const { token } = await t.keyward.console.setupTokens.issue();
  const response = await t.keyward.app.inject({
    method: "POST",
    url: "/api/console/setup",
    payload: {
      token,
      email: options.email ?? "owner@example.com",
      displayName: "Olive Owner",
      password: TEST_PASSWORD,
      workspaceName: "Acme Inc",
      workspaceSlug: options.slug ?? "acme",
    },
  });
  if (response.statusCode !== 201) throw new Error(`setup failed: ${response.statusCode} ${response.body}`);
  return clientFrom(t, response);
}

/** Signs in through the API. */
export async function signIn(t: TestKeyward, email: string, password = TEST_PASSWORD): Promise<ConsoleClient> {
  const response = await t.keyward.app.inject({ method: "POST", url: "/api/console/session/sign-in", payload: { email, password } });
  if (response.statusCode !== 200) throw new Error(`sign-in failed: ${response.statusCode} ${response.body}`);
  return clientFrom(t, response);
}

/** A user with a password, member of the workspace with `role`, signed in. */
export async function signedInMember(t: TestKeyward, workspaceId: string, role: Role, email: string): Promise<ConsoleClient> {
  const user = await t.keyward.people.users.create({ email, password: TEST_PASSWORD });
  await t.keyward.people.memberships.add(workspaceId, user.id, role, SYSTEM_ACTOR);
  const client = await signIn(t, email);
  return { ...client, workspaceId };
}

/**
 * A fresh Keyward whose owner is set up and signed in, around every test of the file.
 *
 * @example
 * const bed = consoleTestbed();
 * it("…", async () => { await bed.owner.request("GET", "/api/console/workspaces"); });
 */
export function consoleTestbed(): { readonly t: TestKeyward; readonly owner: ConsoleClient } {
  const state = {} as { t: TestKeyward; owner: ConsoleClient };
  beforeEach(async () => {
    state.t = await startTestKeyward();
    state.owner = await setUpOwner(state.t);
  });
  afterEach(async () => {
    await state.t.close();
  });
  return state;
}
