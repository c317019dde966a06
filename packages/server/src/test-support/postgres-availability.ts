import pg from "pg";

const DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/test";

/**
 * The PostgreSQL URL tests may use (`KEYWARD_TEST_DATABASE_URL`, else the local default), or
 * undefined with a printed reason when no server answers: outside CI such tests are skipped.
 */
export async function postgresForTests(purpose: string): Promise<string | undefined> {
  const url = process.env.KEYWARD_TEST_DATABASE_URL || DEFAULT_URL;
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    await client.query("select 1");
    return url;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    if (process.env.CI) throw new Error(`PostgreSQL is required in CI for ${purpose}: ${reason}`);
    console.warn(`Skipping ${purpose}: PostgreSQL is not reachable (${reason})`);
    return undefined;
  } finally {
    await client.end().catch(() => {});
  }
}
