import pg from "pg";

/**
 * Where the suite runs against PostgreSQL: `KEYWARD_TEST_DATABASE_URL=postgres://…` makes every
 * `startTestKeyward()` use a fresh schema of that database instead of a SQLite file.
 */
export function testDatabaseUrl(): string | undefined {
  return process.env.KEYWARD_TEST_DATABASE_URL || undefined;
}

export interface TestSchema {
  url: string;
  drop(): Promise<void>;
}

/** Creates an empty schema and a connection URL whose search_path points at it. */
export async function createTestSchema(baseUrl: string): Promise<TestSchema> {
  const schema = `kw_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  try {
    await admin.query(`create schema ${schema}`);
  } finally {
    await admin.end();
  }
  const url = new URL(baseUrl);
  url.searchParams.set("options", `-c search_path=${schema}`);
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: baseUrl });
      await client.connect();
      try {
        await client.query(`drop schema if exists ${schema} cascade`);
      } finally {
        await client.end();
      }
    },
  };
}
