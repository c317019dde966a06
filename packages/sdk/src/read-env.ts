interface RuntimeGlobals {
  process?: { env?: Record<string, string | undefined> };
  Deno?: { env?: { get(name: string): string | undefined } };
}

/**
 * Reads an environment variable on Node, Bun and Deno, and returns `undefined` where there
 * is no environment (browsers, edge workers) instead of throwing on a missing `process`.
 *
 * @example readEnv("KEYWARD_API_KEY")
 */
export function readEnv(name: string): string | undefined {
  const runtime = globalThis as RuntimeGlobals;
  // Deno throws on environment reads without --allow-env: an unreadable variable counts as unset.
  try {
    const fromProcess = runtime.process?.env?.[name];
    if (fromProcess !== undefined) return fromProcess;
  } catch {
    // fall through to Deno's own API
  }
  try {
    return runtime.Deno?.env?.get(name);
  } catch {
    return undefined;
  }
}
