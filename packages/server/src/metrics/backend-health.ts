/**
 * Whether each backend answers a ping within `timeoutMs`: a scrape must not hang on a
 * database that stopped answering.
 *
 * @example const up = await backendHealth({ database: () => store.ping() });
 */
export async function backendHealth(pings: Record<string, () => Promise<unknown>>, timeoutMs = 2_000): Promise<Record<string, boolean>> {
  const entries = await Promise.all(
    Object.entries(pings).map(async ([name, ping]) => {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<false>((resolve) => {
        timer = setTimeout(() => resolve(false), timeoutMs);
      });
      try {
        const up = await Promise.race([ping().then(() => true as const), timeout]);
        return [name, up] as const;
      } catch {
        return [name, false] as const;
      } finally {
        clearTimeout(timer);
      }
    }),
  );
  return Object.fromEntries(entries);
}
