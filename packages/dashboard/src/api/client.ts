import createClient, { type Middleware } from "openapi-fetch";
import type { paths } from "./schema.gen";

/** An error the API answered, in its `{ error: { code, message, details } }` shape. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Array<{ field: string; message: string }> = [],
  ) {
    super(message);
    this.name = "ApiError";
  }
}

let csrfToken: string | null = null;
let onSignedOut: () => void = () => {};

/** Remembers the session's CSRF token (from GET /api/console/session) for every later change. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called when the server says the session is gone (expired, revoked elsewhere). */
export function onSessionLost(handler: () => void): void {
  onSignedOut = handler;
}

const csrf: Middleware = {
  onRequest({ request }) {
    if (request.method !== "GET" && csrfToken !== null) request.headers.set("x-csrf-token", csrfToken);
    return request;
  },
  onResponse({ response, request }) {
    if (response.status === 401 && !request.url.includes("/session/sign-in")) onSignedOut();
    return response;
  },
};

/** The dashboard's API client: every path, parameter and body is typed from the server's OpenAPI document. */
export const api = createClient<paths>({ baseUrl: "", credentials: "same-origin" });
api.use(csrf);

interface ErrorBody {
  error?: { code?: string; message?: string; details?: Array<{ field: string; message: string }> };
}

/**
 * Unwraps an openapi-fetch result: the data, or an ApiError carrying the server's message.
 *
 * @example const keys = await unwrap(api.GET("/api/console/workspaces/{workspaceId}/keys", { params: { path: { workspaceId } } }));
 */
export async function unwrap<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await call;
  if (response.ok) return data as T;
  const body = (error ?? {}) as ErrorBody;
  throw new ApiError(
    response.status,
    body.error?.code ?? "error",
    body.error?.message ?? `The server answered ${response.status}`,
    body.error?.details ?? [],
  );
}
